import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultEdits, type PhotoRecord } from '../../../src-shared/photos/model'
import type { PhotoLibrary } from '../../../src-main/library/photo-library'
import { useTempDirs } from '../../support/temp-dir'
import { openLibrary, sha256 } from './support'

const tempDir = useTempDirs()

async function importText(library: PhotoLibrary, text: string): Promise<PhotoRecord> {
  const file = join(tempDir('werkschau-source'), 'photo.jpg')
  writeFileSync(file, text)
  return (await library.importFile(file)).record
}

describe('opening a library folder', () => {
  it('loads everything back after a restart', async () => {
    const root = tempDir()
    const { library } = await openLibrary(root)
    const a = await importText(library, 'first')
    const b = await importText(library, 'second')
    await library.update(a.id, {
      altText: 'kept',
      crops: { '4:5': { x: 0, y: 0, width: 1, height: 0.8 } },
    })
    await library.trash([b.id])
    const { library: reopened, log } = await openLibrary(root)
    expect(reopened.list()).toEqual(library.list())
    expect(reopened.list({ trashed: true })).toEqual(library.list({ trashed: true }))
    expect(reopened.get(a.id)?.altText).toBe('kept')
    expect(log.lines).toEqual([])
  })

  it('sets a broken sidecar aside with a warning and loads the rest', async () => {
    const root = tempDir()
    const { library } = await openLibrary(root)
    const good = await importText(library, 'good one')
    const torn = await importText(library, 'torn one')
    const wrong = await importText(library, 'wrong one')
    const tornFile = join(root, 'photos', `${torn.id}.json`)
    writeFileSync(tornFile, '{"id": "')
    const wrongFile = join(root, 'photos', `${wrong.id}.json`)
    writeFileSync(
      wrongFile,
      JSON.stringify({ ...wrong, edits: { ...defaultEdits, straighten: 99 } }),
    )

    const { library: reopened, log } = await openLibrary(root)
    expect(reopened.list().map((record) => record.id)).toEqual([good.id])
    expect(log.lines.filter((line) => line.startsWith('warn:'))).toHaveLength(2)
    expect(log.lines.join('\n')).toContain('could not be read')
    const aside = readdirSync(join(root, 'photos', '.unreadable'))
    expect(aside).toHaveLength(2)
    const tornAside = aside.find((name) => name.endsWith(`${torn.id}.json`)) ?? ''
    expect(readFileSync(join(root, 'photos', '.unreadable', tornAside), 'utf8')).toBe('{"id": "')
    // The originals are untouched: nothing the user had is deleted.
    expect(existsSync(join(root, 'originals', torn.id.slice(0, 2), `${torn.id}.jpg`))).toBe(true)
  })

  it('removes leftovers of interrupted writes and imports', async () => {
    const root = tempDir()
    const { library } = await openLibrary(root)
    const photo = await importText(library, 'survivor')
    const leftovers = [
      join(root, 'incoming', '0123456789abcdef.part'),
      join(root, 'photos', `.${photo.id}.json.0123456789ab.tmp.json`),
      join(root, 'cache', 'thumbnails', `.${photo.id}-64.webp.0123456789ab.tmp.webp`),
    ]
    for (const file of leftovers) writeFileSync(file, 'half written')
    const { library: reopened, log } = await openLibrary(root)
    for (const file of leftovers) expect(existsSync(file)).toBe(false)
    expect(reopened.get(photo.id)).toEqual(photo)
    expect(log.lines).toEqual(['info: removed 3 unfinished file(s) from the library'])
  })

  it('finishes or undoes a trash that a crash cut short', async () => {
    const root = tempDir()
    const { library } = await openLibrary(root)
    const finished = await importText(library, 'moved and written')
    const undone = await importText(library, 'only moved')
    const original = (id: string, folder: string): string =>
      join(root, folder, id.slice(0, 2), `${id}.jpg`)
    for (const photo of [finished, undone]) {
      mkdirSync(join(root, 'trash/originals', photo.id.slice(0, 2)), { recursive: true })
      renameSync(original(photo.id, 'originals'), original(photo.id, 'trash/originals'))
    }
    // Crash after the trash sidecar was written, before the old one was removed.
    const trashed = { ...finished, trashedAt: '2026-01-02T00:00:00.000Z' }
    writeFileSync(join(root, 'trash/photos', `${finished.id}.json`), JSON.stringify(trashed))

    const { library: reopened } = await openLibrary(root)
    expect(reopened.get(finished.id)?.trashedAt).toBe('2026-01-02T00:00:00.000Z')
    expect(existsSync(join(root, 'photos', `${finished.id}.json`))).toBe(false)
    expect(reopened.get(undone.id)?.trashedAt).toBeUndefined()
    expect(existsSync(original(undone.id, 'originals'))).toBe(true)
  })

  it('opens a library of 2 000 photos', async () => {
    const root = tempDir()
    const template = (await importText((await openLibrary(root)).library, 'template')).id
    const record = JSON.parse(readFileSync(join(root, 'photos', `${template}.json`), 'utf8'))
    for (let n = 1; n < 2000; n++) {
      const id = sha256(`photo ${n}`)
      const folder = join(root, 'originals', id.slice(0, 2))
      mkdirSync(folder, { recursive: true })
      writeFileSync(join(folder, `${id}.jpg`), `photo ${n}`)
      writeFileSync(join(root, 'photos', `${id}.json`), JSON.stringify({ ...record, id }))
    }
    const { library, log } = await openLibrary(root)
    expect(library.list()).toHaveLength(2000)
    expect(log.lines).toEqual([])
  })
})
