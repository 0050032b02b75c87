import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppErrorException } from '../../../src-shared/errors'
import type { PhotoRecord } from '../../../src-shared/photos/model'
import type { PhotoLibrary } from '../../../src-main/library/photo-library'
import { useTempDirs } from '../../support/temp-dir'
import { openLibrary, sha256 } from './support'

const tempDir = useTempDirs()

async function importText(library: PhotoLibrary, text: string): Promise<PhotoRecord> {
  const file = join(tempDir('werkschau-source'), 'photo.jpg')
  writeFileSync(file, text)
  return (await library.importFile(file)).record
}

const originalIn = (root: string, folder: string, id: string): string =>
  join(root, folder, id.slice(0, 2), `${id}.jpg`)

describe('trash, restore and empty trash', () => {
  it('moves original and sidecar into trash/ and back, per id', async () => {
    const root = tempDir()
    const { library } = await openLibrary(root)
    const a = await importText(library, 'photo a')
    const b = await importText(library, 'photo b')
    const unknown = sha256('never imported')

    const trashed = await library.trash([a.id, unknown])
    expect(trashed[0]).toMatchObject({ id: a.id, ok: true })
    expect(trashed[1]).toMatchObject({ id: unknown, ok: false, error: { code: 'not_found' } })
    expect(existsSync(originalIn(root, 'originals', a.id))).toBe(false)
    expect(existsSync(originalIn(root, 'trash/originals', a.id))).toBe(true)
    expect(existsSync(join(root, 'photos', `${a.id}.json`))).toBe(false)
    const sidecar = JSON.parse(readFileSync(join(root, 'trash/photos', `${a.id}.json`), 'utf8'))
    expect(sidecar).toMatchObject({ id: a.id, trashedAt: expect.any(String) })
    expect(library.list().map((record) => record.id)).toEqual([b.id])
    expect(library.list({ trashed: true }).map((record) => record.id)).toEqual([a.id])
    expect(library.originalPath(a.id)).toBe(originalIn(root, 'trash/originals', a.id))

    const restored = await library.restore([a.id])
    expect(restored[0]).toMatchObject({ id: a.id, ok: true })
    expect(library.get(a.id)?.trashedAt).toBeUndefined()
    expect(existsSync(originalIn(root, 'originals', a.id))).toBe(true)
    expect(existsSync(join(root, 'trash/photos', `${a.id}.json`))).toBe(false)
    expect(library.list().map((record) => record.id)).toEqual([b.id, a.id])
  })

  it('empties the trash for good, leaving other photos alone', async () => {
    const root = tempDir()
    const { library } = await openLibrary(root)
    const keep = await importText(library, 'keep me')
    const drop = await importText(library, 'drop me')
    await library.ensureThumbnail(drop.id, 64, async (_source, out) => writeFileSync(out, 'thumb'))
    await library.trash([drop.id])
    const results = await library.emptyTrash()
    expect(results).toEqual([
      { id: drop.id, ok: true, value: expect.objectContaining({ id: drop.id }) },
    ])
    expect(library.get(drop.id)).toBeUndefined()
    expect(existsSync(originalIn(root, 'trash/originals', drop.id))).toBe(false)
    expect(existsSync(join(root, 'trash/photos', `${drop.id}.json`))).toBe(false)
    expect(existsSync(library.thumbnailPath(drop.id, 64))).toBe(false)
    expect(library.list().map((record) => record.id)).toEqual([keep.id])
  })

  it('brings a trashed photo back when its bytes are imported again', async () => {
    const root = tempDir()
    const { library } = await openLibrary(root)
    const photo = await importText(library, 'comes back')
    await library.trash([photo.id])
    const file = join(tempDir('werkschau-source'), 'again.jpg')
    writeFileSync(file, 'comes back')
    const outcome = await library.importFile(file)
    expect(outcome.status).toBe('restored')
    expect(outcome.record.trashedAt).toBeUndefined()
    expect(outcome.record.originalName).toBe('photo.jpg')
    expect(existsSync(originalIn(root, 'originals', photo.id))).toBe(true)
    expect(existsSync(originalIn(root, 'trash/originals', photo.id))).toBe(false)
  })
})

describe('updating a photo', () => {
  it('writes edits, crops and alt text to the sidecar', async () => {
    const root = tempDir()
    const { library } = await openLibrary(root)
    const photo = await importText(library, 'to edit')
    const edits = { quarterTurns: 1 as const, straighten: 2.5, focalPoint: { x: 0.3, y: 0.6 } }
    const crops = { '1:1': { x: 0.1, y: 0.1, width: 0.5, height: 0.5 } }
    const updated = await library.update(photo.id, { edits, crops, altText: 'A blue vase' })
    expect(updated).toMatchObject({ edits, crops, altText: 'A blue vase' })
    const onDisk = JSON.parse(readFileSync(join(root, 'photos', `${photo.id}.json`), 'utf8'))
    expect(onDisk).toEqual(updated)
    // Records handed out are shared with the index, so they cannot be changed behind its back.
    expect(() => {
      ;(updated as { altText: string }).altText = 'sneaky'
    }).toThrow(TypeError)
  })

  it('refuses unknown ids and invalid values, leaving the sidecar as it was', async () => {
    const root = tempDir()
    const { library } = await openLibrary(root)
    const photo = await importText(library, 'stays put')
    const sidecar = join(root, 'photos', `${photo.id}.json`)
    const before = readFileSync(sidecar, 'utf8')
    const missing = library.update(sha256('nothing'), { altText: 'x' })
    await expect(missing).rejects.toMatchObject({ code: 'not_found' })
    const tilted = { quarterTurns: 0 as const, straighten: 90, focalPoint: { x: 0.5, y: 0.5 } }
    const invalid = library.update(photo.id, { edits: tilted })
    await expect(invalid).rejects.toBeInstanceOf(AppErrorException)
    await expect(invalid).rejects.toMatchObject({ code: 'validation' })
    expect(readFileSync(sidecar, 'utf8')).toBe(before)
    expect(library.get(photo.id)).toEqual(photo)
  })
})
