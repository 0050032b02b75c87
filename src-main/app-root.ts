import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The folder holding Werkschau's package.json, found by walking up from this module. Works from
 * the built bundle (out/main) and from sources (tests), which sit at different depths.
 */
export function findAppRoot(moduleUrl: string = import.meta.url): string {
  let folder = dirname(fileURLToPath(moduleUrl))
  for (;;) {
    const manifest = join(folder, 'package.json')
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }
      if (name === 'werkschau') return folder
    }
    const parent = dirname(folder)
    if (parent === folder) throw new Error('Could not find the Werkschau installation folder.')
    folder = parent
  }
}

export function builtRendererDir(appRoot: string): string {
  return join(appRoot, 'out', 'renderer')
}

/** The built photo worker (out/main/photo-worker.js); tests run against the build too. */
export function photoWorkerScript(appRoot: string): string {
  return join(appRoot, 'out', 'main', 'photo-worker.js')
}
