import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, resolve, sep } from 'node:path'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
}

/**
 * Serves the built renderer. Paths are resolved inside `root` and anything that would leave it
 * (`..`, encoded slashes) is a 404, not a file from elsewhere on disk.
 */
export async function serveStaticFile(
  root: string,
  pathname: string,
  response: ServerResponse,
  headOnly: boolean,
): Promise<boolean> {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return false
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
  const file = resolve(root, relative)
  if (!file.startsWith(resolve(root) + sep) || decoded.includes('\0')) return false
  const info = await stat(file).catch(() => undefined)
  if (!info?.isFile()) return false
  response.statusCode = 200
  response.setHeader('Content-Type', contentTypes[extname(file)] ?? 'application/octet-stream')
  response.setHeader('Content-Length', info.size)
  // Hashed asset names never change; index.html must always be fresh.
  response.setHeader(
    'Cache-Control',
    relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  )
  if (headOnly) {
    response.end()
    return true
  }
  // Also settles (and closes the file) when the client disconnects half-way.
  await pipeline(createReadStream(file), response).catch(() => undefined)
  return true
}
