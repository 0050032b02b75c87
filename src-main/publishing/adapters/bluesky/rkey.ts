import { createHash } from 'node:crypto'

/*
 * The post's record key, derived from the job's idempotency key, so that a create repeated after
 * a lost answer names the same record and conflicts instead of posting twice.
 *
 * `app.bsky.feed.post` takes TID keys (https://atproto.com/specs/tid): a 64-bit integer — top bit
 * 0, 53 bits of microseconds since the epoch, 10 bits of "clock id" — written as 13 characters of
 * base32-sortable (`234567abcdefghijklmnopqrstuvwxyz`), most significant first.
 *
 * Both parts come from SHA-256 of the key. The timestamp is kept inside a fixed window in the past
 * (2018-01-01 plus up to 2^47 µs, i.e. before mid-2022): a hash spread over all 53 bits would give
 * dates up to the year 2255, and a key "from the future" would sort above every later post in
 * listRecords forever. The window lies before Bluesky's first public posts, so a derived key
 * cannot meet a key any client made from its clock. 47 + 10 = 57 bits of the hash remain: two
 * jobs of one account sharing a key is out of the question.
 */

const alphabet = '234567abcdefghijklmnopqrstuvwxyz'
const windowStartMicros = BigInt(Date.UTC(2018, 0, 1)) * 1000n
const windowBits = 47n
const clockBits = 10n

/** A valid TID, the same for the same key and attempt number, different for different keys. */
export function derivedTid(idempotencyKey: string, attempt = 0): string {
  const digest = createHash('sha256')
    .update(`werkschau:bluesky:post:${attempt}:${idempotencyKey}`)
    .digest()
  const bits = digest.readBigUInt64BE(0)
  const clockId = bits & ((1n << clockBits) - 1n)
  const offset = (bits >> clockBits) & ((1n << windowBits) - 1n)
  return encodeTid(((windowStartMicros + offset) << clockBits) | clockId)
}

/**
 * The record keys to try, in order. Only the first is normally used: the PDS refuses a key that
 * happens to contain a word on its slur list (a substring check on the key), deterministically and
 * before writing anything — then the next candidate, also derived from the job, is just as stable
 * across retries (the first is refused again each time, the second then conflicts).
 */
export function recordKeyCandidates(idempotencyKey: string): string[] {
  return [0, 1, 2].map((attempt) => derivedTid(idempotencyKey, attempt))
}

export function encodeTid(value: bigint): string {
  let text = ''
  let rest = value
  for (let index = 0; index < 13; index += 1) {
    text = alphabet[Number(rest & 31n)]! + text
    rest >>= 5n
  }
  return text
}

/** The syntax atproto checks (`@atproto/syntax` isValidTid). */
export const tidSyntax = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/
