/**
 * The renderer's Content Security Policy, written into index.html at build time (Electron reads
 * the meta tag) and sent as a header by the browser host. No inline script, no eval, nothing
 * from outside the app; `werkschau-media:` is how Electron shows library images.
 */
const directives: Record<string, string> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data: blob: werkschau-media:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'manifest-src': "'self'",
  'base-uri': "'none'",
  'form-action': "'none'",
}

export const contentSecurityPolicy = Object.entries(directives)
  .map(([name, value]) => `${name} ${value}`)
  .join('; ')

/** Headers only (a meta tag cannot set it): refuse to be framed by anything. */
export const contentSecurityPolicyHeader = `${contentSecurityPolicy}; frame-ancestors 'none'`

/**
 * Vite's dev server injects an inline React Refresh preamble and inline styles for hot reload,
 * so `npm run dev` alone gets this looser policy. Builds always carry the strict one.
 */
export const developmentContentSecurityPolicy = contentSecurityPolicy
  .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
  .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:* http://127.0.0.1:*")
