import { readdir, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'

/** Extensions worth offering to the pipeline when a whole folder is dropped. */
export const importableExtensions = new Set([
  '.jpg',
  '.jpeg',
  '.png',
  '.webp',
  '.avif',
  '.tif',
  '.tiff',
  '.gif',
  '.heic',
  '.heif',
])

/**
 * Turns what the user dropped into a list of files: files are kept as they are (even with an
 * odd extension, so the user hears why one fails), folders are walked recursively for images,
 * skipping hidden entries like .DS_Store or .thumbnails.
 */
export async function expandImportPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = []
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined)
    if (info?.isDirectory()) files.push(...(await walk(path)))
    else files.push(path)
  }
  return files
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => [])
  const files: string[] = []
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue
    const path = join(folder, entry.name)
    if (entry.isDirectory()) files.push(...(await walk(path)))
    else if (entry.isFile() && importableExtensions.has(extname(entry.name).toLowerCase()))
      files.push(path)
  }
  return files
}

export function displayName(path: string): string {
  return basename(path)
}
