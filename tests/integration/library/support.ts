import { createHash } from 'node:crypto'
import { open, readdir, readFile, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { AppErrorException } from '../../../src-shared/errors'
import type { PhotoProbe } from '../../../src-shared/photos/model'
import { createMemoryLogger } from '../../../src-main/log'
import { PhotoLibrary, type PhotoLibraryOptions } from '../../../src-main/library/photo-library'

/**
 * A stand-in for the real probe (sharp, tested with the pipeline): these tests are about files on
 * disk, so "images" are short texts. A file starting with CORRUPT is refused like a broken JPEG;
 * one starting with PNG is a PNG; anything else is a 40×30 JPEG.
 */
export async function fakeProbe(file: string): Promise<PhotoProbe> {
  const handle = await open(file, 'r')
  const head = Buffer.alloc(16)
  try {
    await handle.read(head, 0, head.length, 0)
  } finally {
    await handle.close()
  }
  const text = head.toString('latin1')
  if (text.startsWith('CORRUPT'))
    throw new AppErrorException('corrupt_file', 'The file is damaged.')
  return {
    format: text.startsWith('PNG') ? 'png' : 'jpeg',
    width: 40,
    height: 30,
    colourSpace: 'srgb',
    hasAlpha: false,
    hasIccProfile: false,
    location: { present: false, sources: [] },
  }
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** Opens a library with the fake probe, a fixed clock that ticks one second per call, and a log. */
export async function openLibrary(root: string, extra: Partial<PhotoLibraryOptions> = {}) {
  const log = createMemoryLogger()
  let tick = 0
  const clock = (): Date => new Date(Date.UTC(2026, 0, 1, 12, 0, tick++))
  const library = await PhotoLibrary.open({ root, probe: fakeProbe, clock, log, ...extra })
  return { library, log }
}

/** Every folder and file under `root` with a hash of each file: equal snapshots, equal bytes. */
export async function snapshot(root: string): Promise<string[]> {
  const lines: string[] = []
  const walk = async (folder: string): Promise<void> => {
    for (const name of (await readdir(folder)).sort()) {
      const path = join(folder, name)
      const where = relative(root, path)
      if ((await stat(path)).isDirectory()) {
        lines.push(`${where}/`)
        await walk(path)
      } else {
        lines.push(`${where} ${sha256(await readFile(path))}`)
      }
    }
  }
  await walk(root)
  return lines
}

/** Files (not folders) under `root`, relative, sorted. */
export async function filesUnder(root: string): Promise<string[]> {
  return (await snapshot(root))
    .filter((line) => !line.endsWith('/'))
    .map((line) => line.split(' ')[0] ?? '')
}
