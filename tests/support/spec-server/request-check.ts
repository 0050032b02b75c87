import type { IncomingHttpHeaders } from 'node:http'
import {
  isObject,
  pointerEscape,
  resolveRef,
  type MediaType,
  type RequestBody,
  type SecurityRequirement,
  type SecurityScheme,
} from './openapi'
import type { IndexedOperation } from './operations'
import { findQuirk, type QuirkTarget } from './quirks'
import type { ParsedBody } from './request-body'
import type { SchemaSource } from './schema-check'
import type { LoadedSpec } from './specs'

export interface CheckedParameters {
  query: Record<string, unknown>
  headers: Record<string, unknown>
  path: Record<string, unknown>
  problems: string[]
}

/** Path, query and header parameters against the operation's declarations and schemas. */
export function checkParameters(
  spec: LoadedSpec,
  operation: IndexedOperation,
  url: URL,
  pathParams: Record<string, string>,
  headers: IncomingHttpHeaders,
): CheckedParameters {
  const out: CheckedParameters = { query: {}, headers: {}, path: {}, problems: [] }
  const given = queryValues(url.searchParams, spec.railsBrackets)
  const declaredQuery = new Set<string>(apiKeyQueryNames(spec, operation))

  for (const { parameter, pointer } of operation.parameters) {
    const schemaSource = parameterSchema(spec, operation, parameter.in, parameter.name, pointer)
    const isArray = schemaType(spec, schemaSource) === 'array'
    let raw: unknown
    if (parameter.in === 'path') raw = pathParams[parameter.name]
    else if (parameter.in === 'header') raw = headers[parameter.name.toLowerCase()]
    else if (parameter.in === 'query') {
      declaredQuery.add(parameter.name)
      const values = given.get(parameter.name)
      if (values === undefined) raw = undefined
      else if (isArray && parameter.explode === false) raw = values.flatMap((v) => v.split(','))
      else if (isArray) raw = values
      else if (values.length > 1) {
        out.problems.push(
          `query.${parameter.name}: given ${values.length} times, the spec allows one`,
        )
        continue
      } else raw = values[0]
    } else continue
    if (raw === undefined) {
      if (parameter.required || parameter.in === 'path')
        out.problems.push(`${parameter.in}.${parameter.name}: is required`)
      continue
    }
    const holder = { value: raw }
    const wrapped = { type: 'object', properties: { value: toWrappable(schemaSource) } }
    out.problems.push(
      ...spec.schemas
        .problems({ schema: wrapped }, holder, `${parameter.in}`, true)
        .map((line) => line.replace(`${parameter.in}.value`, `${parameter.in}.${parameter.name}`)),
    )
    const target =
      parameter.in === 'query' ? out.query : parameter.in === 'header' ? out.headers : out.path
    target[parameter.name] = holder.value
  }
  for (const name of given.keys()) {
    if (!declaredQuery.has(name))
      out.problems.push(`query.${name}: is not a parameter of ${operation.key}`)
  }
  return out
}

/** Body: media type declared, required when the spec says so, schema valid. */
export function checkBody(
  spec: LoadedSpec,
  operation: IndexedOperation,
  body: ParsedBody,
): string[] {
  const problems = [...body.problems]
  const requestBody = operation.operation.requestBody
  if (requestBody === undefined) {
    if (body.data !== undefined) problems.push(`body: ${operation.key} takes no request body`)
    return problems
  }
  const resolved = resolveRef<RequestBody>(spec.document, requestBody)
  if (body.data === undefined) {
    if (resolved.required) problems.push('body: is required')
    return problems
  }
  const content = resolved.content ?? {}
  const mediaType = Object.keys(content).find((type) => type.toLowerCase() === body.mediaType)
  if (mediaType === undefined) {
    problems.push(
      `body: sent as ${body.mediaType}; the spec accepts ${Object.keys(content).join(', ')}`,
    )
    return problems
  }
  const media: MediaType | undefined = content[mediaType]
  if (media?.schema === undefined) return problems
  const pointer = `${bodyPointer(spec, operation)}/content/${pointerEscape(mediaType)}/schema`
  const quirk = findQuirk(spec.name, operation.key, { body: true })
  const source: SchemaSource = quirk ? { schema: quirk.adjust(media.schema) } : { pointer }
  const coerce = mediaType !== 'application/json' && !mediaType.endsWith('+json')
  return [...problems, ...spec.schemas.problems(source, body.data, 'body', coerce)]
}

/** Whether the request carries credentials of a kind one of the operation's requirements names. */
export function checkSecurity(
  spec: LoadedSpec,
  operation: IndexedOperation,
  url: URL,
  headers: IncomingHttpHeaders,
): string[] {
  const requirements: SecurityRequirement[] =
    operation.operation.security ?? spec.document.security ?? []
  if (requirements.length === 0 || requirements.some((r) => Object.keys(r).length === 0)) return []
  const schemes = spec.document.components?.securitySchemes ?? {}
  const satisfied = requirements.some((requirement) =>
    Object.keys(requirement).every((name) => {
      const scheme = schemes[name]
      return scheme !== undefined && carries(scheme, url, headers)
    }),
  )
  if (satisfied) return []
  const names = requirements.map((r) => Object.keys(r).join(' + ')).join(' or ')
  return [
    `security: no credentials for ${names} (Authorization: ${headers.authorization ? 'malformed' : 'missing'})`,
  ]
}

function carries(scheme: SecurityScheme, url: URL, headers: IncomingHttpHeaders): boolean {
  const authorization = headers.authorization ?? ''
  if (scheme.type === 'oauth2' || scheme.type === 'openIdConnect')
    return /^Bearer \S+$/.test(authorization)
  if (scheme.type === 'http') {
    const kind = (scheme.scheme ?? '').toLowerCase()
    if (kind === 'bearer') return /^Bearer \S+$/.test(authorization)
    if (kind === 'basic') {
      const encoded = /^Basic ([A-Za-z0-9+/=]+)$/.exec(authorization)?.[1]
      return encoded !== undefined && Buffer.from(encoded, 'base64').toString('utf8').includes(':')
    }
    return authorization.toLowerCase().startsWith(`${kind} `)
  }
  if (scheme.type === 'apiKey' && scheme.name) {
    return scheme.in === 'query'
      ? url.searchParams.has(scheme.name)
      : headers[scheme.name.toLowerCase()] !== undefined
  }
  return false
}

function apiKeyQueryNames(spec: LoadedSpec, operation: IndexedOperation): string[] {
  const schemes = spec.document.components?.securitySchemes ?? {}
  const requirements = operation.operation.security ?? spec.document.security ?? []
  return requirements.flatMap((requirement) =>
    Object.keys(requirement).flatMap((name) => {
      const scheme = schemes[name]
      return scheme?.type === 'apiKey' && scheme.in === 'query' && scheme.name ? [scheme.name] : []
    }),
  )
}

function queryValues(params: URLSearchParams, railsBrackets: boolean): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const [rawName, value] of params) {
    const name = railsBrackets && rawName.endsWith('[]') ? rawName.slice(0, -2) : rawName
    out.set(name, [...(out.get(name) ?? []), value])
  }
  return out
}

function parameterSchema(
  spec: LoadedSpec,
  operation: IndexedOperation,
  location: string,
  name: string,
  pointer: string,
): SchemaSource {
  const target: QuirkTarget | undefined =
    location === 'header' ? { header: name } : location === 'query' ? { query: name } : undefined
  const quirk = target ? findQuirk(spec.name, operation.key, target) : undefined
  const declared = resolveRef<{ schema?: unknown }>(spec.document, { $ref: pointer }).schema
  if (quirk) return { schema: quirk.adjust(declared) }
  return { pointer: `${pointer}/schema` }
}

function schemaType(spec: LoadedSpec, source: SchemaSource): unknown {
  const schema =
    'schema' in source
      ? source.schema
      : resolveRef<unknown>(spec.document, { $ref: source.pointer })
  const resolved = resolveRef<unknown>(spec.document, schema)
  return isObject(resolved) ? resolved.type : undefined
}

/** A pointer source becomes a `$ref`, so it can sit inside the wrapper object schema. */
function toWrappable(source: SchemaSource): unknown {
  return 'schema' in source ? source.schema : { $ref: source.pointer }
}

function bodyPointer(spec: LoadedSpec, operation: IndexedOperation): string {
  const requestBody = operation.operation.requestBody
  return isObject(requestBody) && typeof requestBody.$ref === 'string'
    ? requestBody.$ref
    : `${operation.pointer}/requestBody`
}
