import {
  isObject,
  pointerEscape,
  pointerGet,
  type JsonObject,
  type OpenApiDocument,
} from './openapi'

/**
 * OpenAPI 3.0 schemas are "JSON Schema, almost": two of their keywords mean something Ajv's
 * draft-07 does not do by itself. This rewrites a copy of a 3.0 document so Ajv enforces what the
 * document says — never less:
 *
 * - `nullable: true` without `type` (e.g. next to `allOf: [$ref]`): Ajv refuses to compile it. The
 *   documents mean "this value may also be null", so it becomes `anyOf: [schema, {type: null}]`.
 * - `discriminator` with a `mapping` but no `oneOf`/`anyOf` (Pinterest's token request): OpenAPI
 *   says the payload must then also match the schema its discriminator value maps to. Ajv ignores
 *   `discriminator`, so each mapping entry becomes `if: {prop: const value} then: {$ref: target}`.
 *   With `oneOf`, the `oneOf` already enforces a match and the discriminator is only a hint.
 *
 * OpenAPI 3.1 documents (Mastodon) are JSON Schema 2020-12 and are used as they are.
 */
export function normaliseOpenApi30(document: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(document)
  walk(copy, '#', copy)
  return copy
}

function walk(node: unknown, pointer: string, document: OpenApiDocument): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => walk(item, `${pointer}/${index}`, document))
    return
  }
  if (!isObject(node)) return
  for (const [key, value] of Object.entries(node)) {
    // Literal data never holds schemas.
    if (key === 'example' || key === 'examples' || key === 'enum' || key === 'default') continue
    walk(value, `${pointer}/${pointerEscape(key)}`, document)
  }
  expandDiscriminator(node, pointer, document)
  expandNullable(node)
}

function expandNullable(schema: JsonObject): void {
  if (schema.nullable !== true || 'type' in schema) return
  const rest: JsonObject = { ...schema }
  delete rest.nullable
  for (const key of Object.keys(schema)) delete schema[key]
  schema.anyOf = [rest, { type: 'null' }]
}

function expandDiscriminator(schema: JsonObject, pointer: string, document: OpenApiDocument): void {
  const discriminator = schema.discriminator
  if (!isObject(discriminator) || typeof discriminator.propertyName !== 'string') return
  if (!isObject(discriminator.mapping) || 'oneOf' in schema || 'anyOf' in schema) return
  const property = discriminator.propertyName
  const rules: JsonObject[] = []
  for (const [value, target] of Object.entries(discriminator.mapping)) {
    if (typeof target !== 'string' || target === pointer) continue
    // A target that extends this schema (`allOf: [$ref: this]`) would validate itself forever.
    if (refersTo(document, target, pointer)) continue
    rules.push({
      if: { properties: { [property]: { const: value } }, required: [property] },
      then: { $ref: target },
    })
  }
  if (rules.length === 0) return
  schema.allOf = [...(Array.isArray(schema.allOf) ? schema.allOf : []), ...rules]
}

function refersTo(document: OpenApiDocument, target: string, pointer: string): boolean {
  try {
    return JSON.stringify(pointerGet(document, target)).includes(`"$ref":"${pointer}"`)
  } catch {
    return true // a mapping to nowhere: leave it to the discriminator's own (ignored) hint
  }
}
