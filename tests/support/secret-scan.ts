import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** A secret to look for, with a label to report instead of the value (reports may be logged). */
export interface KnownSecret {
  label: string
  value: string
}

export interface SecretFinding {
  /** A file path, or the name of a text that was scanned (e.g. "log"). */
  where: string
  label: string
  /** How it was written there: as is, JSON-escaped, URL-encoded or base64. */
  form: string
}

/**
 * The ways a secret could end up written: verbatim, inside a JSON string, in a URL or form body,
 * or base64-encoded (Basic auth headers, data URLs). Short values are not searched: they would
 * match by accident and are not secrets anyone hands out.
 */
function formsOf(value: string): { form: string; bytes: Buffer }[] {
  const forms = new Map<string, string>([
    ['verbatim', value],
    ['json', JSON.stringify(value).slice(1, -1)],
    ['url-encoded', encodeURIComponent(value)],
    ['base64', Buffer.from(value).toString('base64').replace(/=+$/, '')],
    ['base64url', Buffer.from(value).toString('base64url')],
  ])
  const seen = new Set<string>()
  const result: { form: string; bytes: Buffer }[] = []
  for (const [form, text] of forms) {
    if (seen.has(text)) continue
    seen.add(text)
    result.push({ form, bytes: Buffer.from(text, 'utf8') })
  }
  return result
}

const minimumLength = 8

/** Every regular file under `root`, recursively (symbolic links are not followed). */
export function filesUnder(root: string): string[] {
  let entries
  try {
    entries = readdirSync(root, { recursive: true, withFileTypes: true })
  } catch {
    return []
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

/** Searches bytes for every form of every secret. */
export function scanBytes(
  where: string,
  bytes: Buffer,
  secrets: readonly KnownSecret[],
): SecretFinding[] {
  const findings: SecretFinding[] = []
  for (const secret of secrets) {
    if (secret.value.length < minimumLength) {
      throw new Error(`"${secret.label}" is too short to scan for meaningfully`)
    }
    for (const { form, bytes: needle } of formsOf(secret.value)) {
      if (bytes.includes(needle)) findings.push({ where, label: secret.label, form })
    }
  }
  return findings
}

/**
 * Scans every file under each root (user data, library, logs…) and each named text (a captured
 * log, a process's output, an API answer) for the secrets. An empty result is the goal.
 *
 * @example
 * expect(scanForSecrets({ roots: [dataDir], texts: { log: lines.join('\n') }, secrets })).toEqual([])
 */
export function scanForSecrets(options: {
  roots: readonly string[]
  texts?: Readonly<Record<string, string>>
  secrets: readonly KnownSecret[]
}): SecretFinding[] {
  const findings: SecretFinding[] = []
  for (const root of options.roots) {
    const files = statSync(root).isFile() ? [root] : filesUnder(root)
    for (const file of files) {
      findings.push(...scanBytes(file, readFileSync(file), options.secrets))
    }
  }
  for (const [name, text] of Object.entries(options.texts ?? {})) {
    findings.push(...scanBytes(name, Buffer.from(text, 'utf8'), options.secrets))
  }
  return findings
}

/** How many files a scan covers: a scan of nothing proves nothing, so tests check this too. */
export function countFiles(roots: readonly string[]): number {
  return roots.reduce((sum, root) => sum + filesUnder(root).length, 0)
}
