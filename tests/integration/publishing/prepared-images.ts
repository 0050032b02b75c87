import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { afterAll } from 'vitest'
import type { PreparedImage } from '../../../src-main/publishing/adapter'

const photos = fileURLToPath(new URL('../../fixtures/photos/', import.meta.url))

export interface RenderRequest {
  /** A file in tests/fixtures/photos. */
  fixture: string
  width: number
  height: number
  format: 'jpeg' | 'png'
  altText?: string
  focalPoint?: { x: number; y: number }
  /** JPEG quality; a high one with no chroma subsampling makes a big file on purpose. */
  quality?: number
}

/**
 * A real render of a fixture photo, as the outbox hands it to an adapter: upright (EXIF
 * orientation applied), cropped to the size, sRGB, metadata stripped, JPEG or PNG bytes on disk.
 * sharp directly, the same library the photo pipeline uses, without starting its worker.
 */
export async function renderFixture(dir: string, request: RenderRequest): Promise<PreparedImage> {
  const pipeline = sharp(join(photos, request.fixture))
    .rotate()
    .resize(request.width, request.height, { fit: 'cover', position: 'attention' })
    .toColourspace('srgb')
  const bytes =
    request.format === 'jpeg'
      ? await pipeline
          .jpeg({
            quality: request.quality ?? 85,
            chromaSubsampling: request.quality ? '4:4:4' : '4:2:0',
          })
          .toBuffer()
      : await pipeline.png({ compressionLevel: 9 }).toBuffer()
  const photoId = contentId(bytes)
  const file = join(dir, `${photoId}.${request.format === 'jpeg' ? 'jpg' : 'png'}`)
  writeFileSync(file, bytes)
  return {
    photoId,
    file,
    mime: request.format === 'jpeg' ? 'image/jpeg' : 'image/png',
    width: request.width,
    height: request.height,
    bytes: bytes.length,
    altText: request.altText ?? '',
    focalPoint: request.focalPoint ?? { x: 0.5, y: 0.5 },
  }
}

/** A photo id as the library makes them (64 hex digits of the content's SHA-256). */
function contentId(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * Renders shared by every test of a file: each distinct request is rendered once (sharp is slow
 * on a busy machine), into a folder removed after the file's tests. Tests must not write to them.
 */
export function useRenders(): (request: RenderRequest) => Promise<PreparedImage> {
  const dir = mkdtempSync(join(tmpdir(), 'werkschau-renders-'))
  const made = new Map<string, Promise<PreparedImage>>()
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return (request) => {
    const key = JSON.stringify(request)
    let render = made.get(key)
    if (!render) {
      render = renderFixture(dir, request)
      made.set(key, render)
    }
    return render
  }
}
