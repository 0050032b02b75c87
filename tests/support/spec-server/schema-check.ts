import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { isObject, type OpenApiDocument } from './openapi'

/** Where a schema comes from: a JSON pointer into the document, or an inline schema. */
export type SchemaSource = { pointer: string } | { schema: unknown }

/**
 * JSON Schema validation for one OpenAPI document, with Ajv (MIT, the validator `conf` already
 * ships). OpenAPI 3.1 documents use JSON Schema 2020-12 (Ajv2020); 3.0 documents use Ajv's
 * draft-07 class, which knows OpenAPI's `nullable` (after `normaliseOpenApi30`).
 *
 * Two validators per document: a strict one for JSON, and one that coerces strings for values
 * that travel as text (query, path, headers, form fields) — `"4"` is a fine integer in a query.
 */
export class SchemaCheck {
  private readonly strict: Ajv
  private readonly coercing: Ajv
  private readonly compiled = new Map<string, ValidateFunction>()

  constructor(
    readonly id: string,
    document: OpenApiDocument,
  ) {
    this.strict = createAjv(document, false)
    this.coercing = createAjv(document, true)
    this.strict.addSchema(document, id)
    this.coercing.addSchema(document, id)
  }

  /** Problems with `data` (empty when valid), each `at…: message`, readable in a test failure. */
  problems(source: SchemaSource, data: unknown, at: string, coerce = false): string[] {
    const validate = this.validator(source, coerce)
    if (validate(data)) return []
    return (validate.errors ?? []).slice(0, 8).map((error) => describe(error, at))
  }

  private validator(source: SchemaSource, coerce: boolean): ValidateFunction {
    const key = `${coerce ? 'c' : 's'}:${'pointer' in source ? source.pointer : JSON.stringify(source.schema)}`
    const cached = this.compiled.get(key)
    if (cached) return cached
    const ajv = coerce ? this.coercing : this.strict
    const schema =
      'pointer' in source
        ? { $ref: `${this.id}${source.pointer}` }
        : absoluteRefs(source.schema, this.id)
    const validate = ajv.compile(isObject(schema) || typeof schema === 'boolean' ? schema : {})
    this.compiled.set(key, validate)
    return validate
  }
}

function createAjv(document: OpenApiDocument, coerce: boolean): Ajv {
  const options = {
    strict: false, // the documents carry OpenAPI keywords (example, xml, externalDocs…)
    allErrors: true,
    validateFormats: true,
    coerceTypes: coerce ? ('array' as const) : false,
  }
  const ajv = document.openapi.startsWith('3.1') ? new Ajv2020(options) : new Ajv(options)
  // date, date-time, uri, email…, and OpenAPI's int32, int64, float, double, byte, binary, password.
  addFormats(ajv)
  // Mastodon's own formats: space-separated OAuth scopes, and a two-letter language code.
  ajv.addFormat('scopes', /^[a-z]+(:[a-z_:]+)?( [a-z]+(:[a-z_:]+)?)*$/)
  ajv.addFormat('iso-639-1', /^[a-z]{2}$/)
  return ajv
}

/** An inline schema's `#/…` refs point into the document, which Ajv knows by `id`. */
function absoluteRefs(schema: unknown, id: string): unknown {
  if (Array.isArray(schema)) return schema.map((item) => absoluteRefs(item, id))
  if (!isObject(schema)) return schema
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#')
        ? `${id}${value}`
        : absoluteRefs(value, id),
    ]),
  )
}

function describe(error: ErrorObject, at: string): string {
  const where = `${at}${error.instancePath.replace(/\//g, '.')}`
  const params = error.params as Record<string, unknown>
  if (error.keyword === 'additionalProperties')
    return `${where}: has "${String(params.additionalProperty)}", which the spec does not allow here`
  if (error.keyword === 'enum')
    return `${where}: ${error.message} (${JSON.stringify(params.allowedValues)})`
  if (error.keyword === 'required')
    return `${where}: is missing "${String(params.missingProperty)}"`
  return `${where}: ${error.message ?? error.keyword}`
}
