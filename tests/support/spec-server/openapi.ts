/**
 * The few parts of an OpenAPI 3.0/3.1 document the spec server reads. Schemas stay `unknown`:
 * Ajv reads them, we never do.
 */
export type JsonObject = Record<string, unknown>

export interface OpenApiDocument {
  openapi: string
  servers?: { url: string }[]
  paths: Record<string, PathItem>
  components?: {
    schemas?: Record<string, unknown>
    parameters?: Record<string, unknown>
    securitySchemes?: Record<string, SecurityScheme>
    [key: string]: unknown
  }
  security?: SecurityRequirement[]
}

export type PathItem = Partial<Record<HttpMethod, Operation>> & { parameters?: unknown[] }

export const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const
export type HttpMethod = (typeof httpMethods)[number]

export interface Operation {
  operationId?: string
  parameters?: unknown[]
  requestBody?: unknown
  responses?: Record<string, unknown>
  security?: SecurityRequirement[]
}

export interface Parameter {
  name: string
  in: 'query' | 'path' | 'header' | 'cookie'
  required?: boolean
  schema?: unknown
  style?: string
  explode?: boolean
}

export interface MediaType {
  schema?: unknown
}

export interface RequestBody {
  required?: boolean
  content?: Record<string, MediaType>
}

export interface ResponseObject {
  content?: Record<string, MediaType>
}

export type SecurityRequirement = Record<string, string[]>

export interface SecurityScheme {
  type: 'http' | 'oauth2' | 'apiKey' | 'openIdConnect' | 'mutualTLS'
  scheme?: string
  name?: string
  in?: string
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Follows a local `$ref` (`#/components/...`) to the object it names. */
export function resolveRef<T>(document: OpenApiDocument, value: unknown): T {
  let current = value
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops += 1) {
    if (hops > 20) throw new Error(`$ref loop at ${current.$ref}`)
    current = pointerGet(document, current.$ref)
  }
  return current as T
}

export function pointerGet(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, not ${ref}`)
  let node: unknown = document
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (!isObject(node) && !Array.isArray(node)) throw new Error(`$ref ${ref} does not resolve`)
    node = (node as Record<string, unknown>)[key]
  }
  if (node === undefined) throw new Error(`$ref ${ref} does not resolve`)
  return node
}

export function pointerEscape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1')
}
