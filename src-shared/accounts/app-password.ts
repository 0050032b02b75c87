/**
 * Bluesky app passwords (Settings → Privacy and security → App passwords) look like
 * `abcd-efgh-ijkl-mnop`: four groups of four letters or digits. The server makes them from
 * lowercase base32 (a–z, 2–7); this check is more lenient (any case, any digit, spaces around)
 * because it only decides whether the form shows a warning, and a warning for a good password
 * would teach people to ignore it.
 */
const appPasswordShape = /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/i

/**
 * Whether `password` has the shape of a Bluesky app password. False means the user probably typed
 * their account password: sign-in still works, but Werkschau suggests an app password, which can be
 * revoked on its own and cannot change the account's settings.
 *
 * @example looksLikeAppPassword('abcd-efgh-ijkl-mnop') // true
 * @example looksLikeAppPassword('my secret password') // false
 */
export function looksLikeAppPassword(password: string): boolean {
  return appPasswordShape.test(password.trim())
}
