import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderCacheKey } from '../../../src-main/library/cache-key'
import { useTempDirs } from '../../support/temp-dir'
import { openLibrary, sha256 } from './support'

const tempDir = useTempDirs()

async function libraryWithPhoto() {
  const root = tempDir()
  const { library } = await openLibrary(root)
  const file = join(tempDir('werkschau-source'), 'p.jpg')
  writeFileSync(file, 'thumbnail source')
  const { record } = await library.importFile(file)
  return { root, library, id: record.id }
}

describe('thumbnail cache', () => {
  it('makes a thumbnail once, even when asked for it many times at once', async () => {
    const { library, id } = await libraryWithPhoto()
    const calls: { source: string; out: string }[] = []
    const make = async (source: string, out: string): Promise<void> => {
      calls.push({ source, out })
      await new Promise((resolve) => setTimeout(resolve, 20))
      writeFileSync(out, `thumb of ${readFileSync(source, 'utf8')}`)
    }
    const paths = await Promise.all(
      Array.from({ length: 5 }, () => library.ensureThumbnail(id, 256, make)),
    )
    expect(calls).toHaveLength(1)
    expect(calls[0]?.source).toBe(library.originalPath(id))
    expect(calls[0]?.out).toMatch(/\.webp$/) // sharp picks the format from the extension
    expect(new Set(paths)).toEqual(new Set([library.thumbnailPath(id, 256)]))
    expect(readFileSync(library.thumbnailPath(id, 256), 'utf8')).toBe('thumb of thumbnail source')
    await library.ensureThumbnail(id, 256, make)
    expect(calls).toHaveLength(1)
  })

  it('makes it again after the whole cache folder was deleted', async () => {
    const { root, library, id } = await libraryWithPhoto()
    let made = 0
    const make = async (_source: string, out: string): Promise<void> => {
      made++
      writeFileSync(out, 'thumb')
    }
    await library.ensureThumbnail(id, 64, make)
    rmSync(join(root, 'cache'), { recursive: true })
    const path = await library.ensureThumbnail(id, 64, make)
    expect(made).toBe(2)
    expect(readFileSync(path, 'utf8')).toBe('thumb')
  })

  it('puts nothing in place when making fails, and tries again next time', async () => {
    const { library, id } = await libraryWithPhoto()
    const failing = async (): Promise<void> => {
      throw new Error('decoder crashed')
    }
    await expect(library.ensureThumbnail(id, 64, failing)).rejects.toThrow('decoder crashed')
    const path = await library.ensureThumbnail(id, 64, async (_s, out) => writeFileSync(out, 'ok'))
    expect(readFileSync(path, 'utf8')).toBe('ok')
  })

  it('refuses unknown photos and odd sizes', async () => {
    const { library, id } = await libraryWithPhoto()
    const make = async (): Promise<void> => undefined
    await expect(library.ensureThumbnail(sha256('x'), 64, make)).rejects.toMatchObject({
      code: 'not_found',
    })
    expect(() => library.thumbnailPath(id, 0)).toThrow()
    expect(() => library.thumbnailPath('../../etc', 64)).toThrow()
  })
})

describe('render cache', () => {
  const parts = {
    id: sha256('a photo'),
    edits: { quarterTurns: 0, straighten: 0, focalPoint: { x: 0.5, y: 0.5 } },
    crop: { x: 0, y: 0, width: 1, height: 1 },
    spec: { width: 1080, height: 1350, format: 'jpeg' },
    options: { quality: 85 },
    pipelineVersion: 1,
  }

  it('gives the same key whatever order the fields were built in', () => {
    const reordered = {
      pipelineVersion: 1,
      options: { quality: 85 },
      spec: { format: 'jpeg', height: 1350, width: 1080 },
      crop: { height: 1, width: 1, y: 0, x: 0 },
      edits: { focalPoint: { y: 0.5, x: 0.5 }, straighten: 0, quarterTurns: 0 },
      id: parts.id,
    }
    expect(renderCacheKey(reordered)).toBe(renderCacheKey(parts))
    expect(renderCacheKey(parts)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('gives a new key for any change', () => {
    const key = renderCacheKey(parts)
    const changes = [
      { ...parts, id: sha256('another photo') },
      { ...parts, edits: { ...parts.edits, straighten: 0.5 } },
      { ...parts, crop: { ...parts.crop, width: 0.9 } },
      { ...parts, spec: { ...parts.spec, width: 1081 } },
      { ...parts, options: { quality: 86 } },
      { ...parts, pipelineVersion: 2 },
    ]
    const keys = new Set(changes.map(renderCacheKey))
    expect(keys.size).toBe(changes.length)
    expect(keys.has(key)).toBe(false)
  })

  it('names render files inside cache/renders and nowhere else', async () => {
    const { root, library } = await libraryWithPhoto()
    const key = library.renderCacheKey(parts)
    expect(key).toBe(renderCacheKey(parts))
    expect(library.renderCachePath(key, 'jpg')).toBe(join(root, 'cache', 'renders', `${key}.jpg`))
    expect(() => library.renderCachePath('../escape', 'jpg')).toThrow()
    expect(() => library.renderCachePath(key, '/jpg')).toThrow()
  })

  it('makes a render once and reuses it', async () => {
    const { library } = await libraryWithPhoto()
    let made = 0
    const make = async (out: string): Promise<void> => {
      made++
      writeFileSync(out, 'rendered')
    }
    const key = renderCacheKey(parts)
    const first = await library.ensureRender(key, 'jpg', make)
    const second = await library.ensureRender(key, 'jpg', make)
    expect(first).toBe(second)
    expect(made).toBe(1)
  })
})
