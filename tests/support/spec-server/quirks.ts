import { isObject } from './openapi'

export type SpecName = 'mastodon' | 'pinterest' | 'x'

/** Which schema of an operation a quirk adjusts. */
export type QuirkTarget = { body: true } | { header: string } | { query: string }

/**
 * A known mistake in a published document, corrected for one schema of one operation, never by
 * loosening validation in general. Each says why, and which way it goes: some documents are too
 * strict for what the network really accepts (we tolerate exactly that), some too loose for what
 * it really needs (we require it, so an adapter cannot rely on the loose document).
 * The list matches "Spec quirks" at the end of shared/docs/PLATFORMS.md.
 */
export interface Quirk {
  spec: SpecName
  operation: string
  target: QuirkTarget
  why: string
  adjust: (schema: unknown) => unknown
}

export const knownQuirks: readonly Quirk[] = [
  {
    spec: 'mastodon',
    operation: 'POST /api/v1/statuses',
    target: { header: 'Idempotency-Key' },
    why: 'The document types the Idempotency-Key header as an object; it is an arbitrary string.',
    adjust: () => ({ type: 'string', minLength: 1 }),
  },
  {
    spec: 'mastodon',
    operation: 'POST /api/v1/statuses',
    target: { body: true },
    why:
      'The body is a oneOf of TextStatus (requires status) and MediaStatus (requires media_ids), ' +
      'so a status with text AND photos matches both and fails oneOf; Mastodon takes both ' +
      'together. anyOf keeps every other rule of both schemas.',
    adjust: (schema) =>
      isObject(schema) && Array.isArray(schema.oneOf)
        ? {
            ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== 'oneOf')),
            anyOf: schema.oneOf,
          }
        : schema,
  },
  {
    spec: 'mastodon',
    operation: 'POST /oauth/token',
    target: { body: true },
    why:
      'The document requires code and redirect_uri for every grant; Mastodon (Doorkeeper) needs ' +
      'them only for grant_type=authorization_code. They stay required for that grant.',
    adjust: (schema) => {
      if (!isObject(schema) || !Array.isArray(schema.required)) return schema
      const conditional = ['code', 'redirect_uri']
      return {
        ...schema,
        required: schema.required.filter((name) => !conditional.includes(String(name))),
        allOf: [
          {
            if: {
              properties: { grant_type: { const: 'authorization_code' } },
              required: ['grant_type'],
            },
            then: { required: conditional },
          },
        ],
      }
    },
  },
  {
    spec: 'pinterest',
    operation: 'POST /pins',
    target: { body: true },
    why:
      'PinCreate lists no required fields, but Pinterest refuses a pin without board_id and ' +
      'media_source: required here, so an adapter cannot get away without them.',
    adjust: (schema) => ({ allOf: [schema, { required: ['board_id', 'media_source'] }] }),
  },
  // X: POST /2/tweets has `additionalProperties: false`. That is kept as it is (no quirk): the
  // adapter must send only documented fields, and the server refuses anything else.
]

export function findQuirk(
  spec: SpecName,
  operation: string,
  target: QuirkTarget,
): Quirk | undefined {
  return knownQuirks.find(
    (quirk) =>
      quirk.spec === spec &&
      quirk.operation === operation &&
      JSON.stringify(quirk.target) === JSON.stringify(target),
  )
}
