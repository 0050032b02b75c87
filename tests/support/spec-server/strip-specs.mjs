#!/usr/bin/env node
/**
 * Copies the networks' OpenAPI documents from ../shared/specs into tests/fixtures/specs with the
 * prose taken out (description, summary, externalDocs), so tests run from a fresh clone without
 * shared/ and the fixtures stay small. Structure, schemas, examples and names are kept as they are.
 *
 *   node tests/support/spec-server/strip-specs.mjs [path/to/shared/specs]
 *
 * Keys are only removed where they are OpenAPI/JSON Schema keywords: a property that happens to be
 * called `description` (a Pin's, a media attachment's) sits in a `properties` map and stays.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const repoRoot = resolve(here, '../../..')
const source = resolve(process.argv[2] ?? join(repoRoot, '../shared/specs'))
const target = join(repoRoot, 'tests/fixtures/specs')

const documents = [
  ['mastodon', 'schema.json'],
  ['pinterest', 'openapi.json'],
  ['x', 'openapi.json'],
]

/** Keywords that hold prose for people, not structure. */
const proseKeys = new Set(['description', 'summary', 'externalDocs', 'termsOfService'])
/** Keywords whose value is a map from names (properties, paths, status codes…) to objects. */
const mapKeys = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'paths',
  'webhooks',
  'schemas',
  'parameters',
  'responses',
  'headers',
  'content',
  'examples',
  'requestBodies',
  'securitySchemes',
  'links',
  'callbacks',
  'pathItems',
  'encoding',
  'variables',
])
/** Keywords whose value is literal data: never walked, kept verbatim. */
const literalKeys = new Set(['example', 'value', 'default', 'enum', 'const', 'mapping', 'scopes'])

function stripObject(node) {
  if (Array.isArray(node)) return node.map(stripObject)
  if (node === null || typeof node !== 'object') return node
  const out = {}
  for (const [key, value] of Object.entries(node)) {
    if (proseKeys.has(key) && (typeof value === 'string' || key === 'externalDocs')) continue
    if (literalKeys.has(key) || key.startsWith('x-')) out[key] = value
    // A JSON Schema `examples` is an array of literal values; an OpenAPI one is a map of Examples.
    else if (key === 'examples' && Array.isArray(value)) out[key] = value
    else if (mapKeys.has(key)) out[key] = stripMap(value)
    else out[key] = stripObject(value)
  }
  return out
}

function stripMap(node) {
  if (Array.isArray(node)) return node.map(stripObject)
  if (node === null || typeof node !== 'object') return node
  return Object.fromEntries(Object.entries(node).map(([name, value]) => [name, stripObject(value)]))
}

for (const [network, file] of documents) {
  const document = JSON.parse(readFileSync(join(source, network, file), 'utf8'))
  mkdirSync(join(target, network), { recursive: true })
  writeFileSync(join(target, network, file), `${JSON.stringify(stripObject(document), null, 1)}\n`)
  copyFileSync(join(source, network, 'SOURCE.txt'), join(target, network, 'SOURCE.txt'))
  console.log(`${network}/${file}: written`)
}
