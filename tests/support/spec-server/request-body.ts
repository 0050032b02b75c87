/** A file part of a multipart body. */
export interface UploadedFile {
  field: string
  filename: string
  type: string
  bytes: Buffer
}

export interface ParsedBody {
  /** `application/json`, `multipart/form-data`…, without parameters; '' when none was sent. */
  mediaType: string
  data: unknown
  files: UploadedFile[]
  problems: string[]
}

/**
 * Reads a request body the way the network's server would. Form and multipart fields arrive as
 * strings (the schema check coerces them); Rails-style names (`media_ids[]`, `poll[options][]`),
 * which Mastodon's Rails parses into arrays and objects, are expanded when `railsBrackets` is on.
 * Multipart is parsed by the platform's own `Request.formData()` (undici), so no extra library.
 */
export async function parseBody(
  contentType: string | undefined,
  raw: Buffer,
  railsBrackets: boolean,
): Promise<ParsedBody> {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  const result: ParsedBody = { mediaType, data: undefined, files: [], problems: [] }
  if (raw.length === 0) return result
  if (mediaType === '') {
    result.problems.push('body: sent without a Content-Type header')
    return result
  }
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) {
    try {
      result.data = JSON.parse(raw.toString('utf8'))
    } catch (error) {
      result.problems.push(`body: is not valid JSON (${(error as Error).message})`)
    }
  } else if (mediaType === 'application/x-www-form-urlencoded') {
    result.data = fieldsToObject([...new URLSearchParams(raw.toString('utf8'))], railsBrackets)
  } else if (mediaType === 'multipart/form-data') {
    try {
      const form = await new Request('http://spec.invalid/', {
        method: 'POST',
        headers: { 'content-type': contentType ?? '' },
        body: raw,
      }).formData()
      const fields: [string, string][] = []
      for (const [name, value] of form.entries()) {
        if (typeof value === 'string') {
          fields.push([name, value])
          continue
        }
        const bytes = Buffer.from(await value.arrayBuffer())
        result.files.push({ field: name, filename: value.name, type: value.type, bytes })
        // The schema sees a file as a string (OpenAPI: `type: string, format: binary`).
        fields.push([name, `<file ${value.name}, ${bytes.length} bytes>`])
      }
      result.data = fieldsToObject(fields, railsBrackets)
    } catch (error) {
      result.problems.push(`body: is not valid multipart/form-data (${(error as Error).message})`)
    }
  } else {
    result.data = raw
  }
  return result
}

/** Repeated names become arrays; with `railsBrackets`, `a[b][]` becomes `{a: {b: [...]}}`. */
export function fieldsToObject(
  fields: [string, string][],
  railsBrackets: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, value] of fields) {
    const path = railsBrackets ? bracketPath(name) : [name]
    assign(out, path, value)
  }
  return out
}

function bracketPath(name: string): string[] {
  const found = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(name)
  if (!found) return [name]
  const rest = [...(found[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((match) => match[1] ?? '')
  return [found[1] ?? name, ...rest]
}

function assign(target: Record<string, unknown>, path: string[], value: string): void {
  const [head, ...rest] = path
  if (head === undefined) return
  if (rest.length === 0) {
    const existing = target[head]
    if (existing === undefined) target[head] = value
    else if (Array.isArray(existing)) existing.push(value)
    else target[head] = [existing, value]
    return
  }
  if (rest.length === 1 && rest[0] === '') {
    const existing = target[head]
    target[head] = Array.isArray(existing) ? [...existing, value] : [value]
    return
  }
  const child = target[head]
  const next = typeof child === 'object' && child !== null && !Array.isArray(child) ? child : {}
  target[head] = next
  assign(next as Record<string, unknown>, rest, value)
}
