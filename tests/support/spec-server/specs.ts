import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { normaliseOpenApi30 } from './normalise'
import type { OpenApiDocument } from './openapi'
import { OperationIndex } from './operations'
import type { SpecName } from './quirks'
import { SchemaCheck } from './schema-check'
import { xOAuth2Paths, xOAuthErrorSchema } from './x-oauth2-paths'

/** A network's document, ready to check requests: loaded once per test process. */
export interface LoadedSpec {
  name: SpecName
  document: OpenApiDocument
  /** The path prefix of the document's server URL (Pinterest: `/v5`), '' when none. */
  basePath: string
  operations: OperationIndex
  schemas: SchemaCheck
  /** Mastodon is Rails: `ids[]=1&ids[]=2` is how arrays travel in queries and forms. */
  railsBrackets: boolean
}

const files: Record<SpecName, string> = {
  mastodon: 'mastodon/schema.json',
  pinterest: 'pinterest/openapi.json',
  x: 'x/openapi.json',
}

const loaded = new Map<SpecName, LoadedSpec>()

/** The copies in tests/fixtures/specs (made by strip-specs.mjs from ../shared/specs). */
export function loadSpec(name: SpecName): LoadedSpec {
  const cached = loaded.get(name)
  if (cached) return cached
  const path = fileURLToPath(new URL(`../../fixtures/specs/${files[name]}`, import.meta.url))
  let document = JSON.parse(readFileSync(path, 'utf8')) as OpenApiDocument
  if (!document.openapi.startsWith('3.1')) document = normaliseOpenApi30(document)
  if (name === 'x') {
    document.paths = { ...document.paths, ...xOAuth2Paths }
    document.components = {
      ...document.components,
      schemas: { ...document.components?.schemas, WerkschauOAuthError: xOAuthErrorSchema },
    }
  }
  const server = document.servers?.[0]?.url ?? ''
  const basePath = server.includes('{') ? '' : new URL(server, 'https://spec.invalid').pathname
  const spec: LoadedSpec = {
    name,
    document,
    basePath: basePath === '/' ? '' : basePath.replace(/\/$/, ''),
    operations: new OperationIndex(document, basePath === '/' ? '' : basePath.replace(/\/$/, '')),
    schemas: new SchemaCheck(`spec-${name}.json`, document),
    railsBrackets: name === 'mastodon',
  }
  loaded.set(name, spec)
  return spec
}
