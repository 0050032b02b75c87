import { pointerEscape, resolveRef, type ResponseObject } from './openapi'
import type { IndexedOperation } from './operations'
import type { LoadedSpec } from './specs'

/**
 * A test handler's answer against the documented responses: the status must be documented
 * (exactly, as `4XX`, or `default`), and a JSON body must match its schema. These problems are
 * the test's own mistakes, reported so a handler cannot feed a client something the network
 * never sends.
 */
export function checkResponse(
  spec: LoadedSpec,
  operation: IndexedOperation,
  status: number,
  json: unknown,
): string[] {
  const responses = operation.operation.responses ?? {}
  const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses)
  if (key === undefined)
    return [`response: status ${status} is not documented for ${operation.key}`]
  if (json === undefined) return []
  const response = resolveRef<ResponseObject>(spec.document, responses[key])
  const content = response.content ?? {}
  const mediaType = Object.keys(content).find((type) => type.includes('json'))
  if (mediaType === undefined || content[mediaType]?.schema === undefined) return []
  const raw = responses[key] as { $ref?: string }
  const base =
    typeof raw.$ref === 'string' ? raw.$ref : `${operation.pointer}/responses/${pointerEscape(key)}`
  const pointer = `${base}/content/${pointerEscape(mediaType)}/schema`
  return spec.schemas.problems({ pointer }, json, 'response')
}
