import { execFileSync } from 'node:child_process'
import {
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EventName } from '../../../src-shared/contract'
import type { Services } from '../../../src-main/services'
import { useRealServices } from '../../support/host'
import { useTempDirs } from '../../support/temp-dir'
import { pngBomb } from './support'

/**
 * The Photos use cases through the real services: the built worker process running the real
 * sharp pipeline, the real library on disk, events as the renderer receives them.
 */
const fixtures = join(process.cwd(), 'tests', 'fixtures', 'photos')
const tempDir = useTempDirs()
const { start } = useRealServices(tempDir)

function waitFor<E extends EventName>(
  running: Services,
  event: E,
  done: (payload: Record<string, unknown>) => boolean,
): Promise<Record<string, unknown>[]> {
  const seen: Record<string, unknown>[] = []
  return new Promise((resolve) => {
    const stop = running.events.subscribe((name, payload) => {
      if (name !== event) return
      seen.push(payload as Record<string, unknown>)
      if (done(payload as Record<string, unknown>)) {
        stop()
        resolve(seen)
      }
    })
  })
}

describe('photo services', () => {
  it('imports a folder with per-file progress, reports duplicates and failures, and the rest goes on', async () => {
    const running = await start()
    const folder = join(tempDir(), 'drop')
    mkdirSync(join(folder, 'sub'), { recursive: true })
    copyFileSync(join(fixtures, 'tassen-rotated.jpg'), join(folder, 'tassen.jpg'))
    copyFileSync(join(fixtures, 'tassen-rotated.jpg'), join(folder, 'sub', 'tassen-copy.jpg'))
    copyFileSync(join(fixtures, 'iphone-schale.heic'), join(folder, 'sub', 'schale.heic'))
    writeFileSync(join(folder, 'notes.jpg'), 'this is not a photo')
    writeFileSync(join(folder, '.DS_Store'), 'hidden')

    const finished = waitFor(
      running,
      'photos.importProgress',
      (payload) => payload.state === 'done',
    )
    const jobId = running.photos.importPaths([folder])
    const progress = await finished
    const last = progress.at(-1)!
    expect(last).toMatchObject({ jobId, total: 4, done: 4, failed: 1, state: 'done' })
    const items = progress.flatMap((payload) =>
      payload.item ? [payload.item as Record<string, unknown>] : [],
    )
    expect(items).toHaveLength(4)
    const byName = Object.fromEntries(items.map((item) => [item.name, item]))
    expect(byName['notes.jpg']).toMatchObject({ ok: false, error: { code: 'unsupported_format' } })
    const statuses = ['tassen.jpg', 'tassen-copy.jpg'].map(
      (name) => (byName[name] as { outcome: { status: string } }).outcome.status,
    )
    expect(statuses.sort()).toEqual(['duplicate', 'imported'])
    expect(byName['schale.heic']).toMatchObject({ ok: true, outcome: { status: 'imported' } })

    const photos = running.photos.list(false)
    expect(photos).toHaveLength(2)
    const tassen = photos.find((photo) => photo.probe.format === 'jpeg')!
    expect(tassen.probe.height).toBeGreaterThan(tassen.probe.width) // orientation 6: portrait
    expect(tassen.probe.location.present).toBe(true)
  })

  it('leaves the library untouched when files are empty, corrupt, not images or decompression bombs', async () => {
    const running = await start()
    await running.photos.importUpload('ufer.webp', createReadStream(join(fixtures, 'ufer.webp')))
    const before = listTree(running.libraryPath())
    const bad = join(tempDir(), 'bad')
    mkdirSync(bad)
    writeFileSync(join(bad, 'leer.jpg'), '')
    writeFileSync(join(bad, 'text.jpg'), 'a shopping list, not a photo')
    writeFileSync(join(bad, 'bombe.png'), pngBomb(30_000, 30_000))
    const jpeg = readFileSync(join(fixtures, 'winzig.jpg'))
    writeFileSync(join(bad, 'kaputt.jpg'), jpeg.subarray(0, Math.floor(jpeg.length / 3)))

    const finished = waitFor(
      running,
      'photos.importProgress',
      (payload) => payload.state === 'done',
    )
    running.photos.importPaths([bad])
    const progress = await finished
    const errors = Object.fromEntries(
      progress.flatMap((payload) => {
        const item = payload.item as
          { name: string; ok: boolean; error?: { code: string } } | undefined
        return item ? [[item.name, item.error?.code]] : []
      }),
    )
    expect(errors).toEqual({
      'bombe.png': 'too_many_pixels',
      'kaputt.jpg': 'corrupt_file',
      'leer.jpg': 'empty_file',
      'text.jpg': 'unsupported_format',
    })
    expect(listTree(running.libraryPath())).toEqual(before)
  })

  it('serves thumbnails and previews, made once and rebuilt from the original', async () => {
    const running = await start()
    const outcome = await running.photos.importUpload(
      'werkbank.jpg',
      createReadStream(join(fixtures, 'werkbank-landscape.jpg')),
    )
    const path = `photo/${outcome.record.id}/thumbnail`
    const first = await running.media(path)
    expect(first).toMatchObject({ contentType: 'image/webp' })
    expect(existsSync(first!.file)).toBe(true)
    const again = await running.media(path)
    expect(again!.file).toBe(first!.file)
    expect(await running.media(`photo/${outcome.record.id}/original`)).toBeUndefined()
    expect(await running.media(`photo/../../etc/passwd/thumbnail`)).toBeUndefined()
  })

  it('renders a selection for several networks as one job, and reuses cached renders', async () => {
    const running = await start()
    const a = await running.photos.importUpload(
      'a.jpg',
      createReadStream(join(fixtures, 'werkbank-landscape.jpg')),
    )
    const b = await running.photos.importUpload(
      'b.png',
      createReadStream(join(fixtures, 'produkt-freigestellt.png')),
    )
    const finished = waitFor(running, 'jobs.progress', (payload) => payload.state !== 'running')
    running.renders.start([a.record.id, b.record.id], ['bluesky', 'instagram'], {
      background: '#ffffff',
      keepAttribution: false,
    })
    const progress = await finished
    const last = progress.at(-1)! as {
      state: string
      results: {
        ok: boolean
        target: string
        format: string
        width: number
        height: number
        bytes: number
        file: string
      }[]
    }
    expect(last.state).toBe('done')
    expect(last.results).toHaveLength(4)
    for (const result of last.results) {
      expect(result.ok).toBe(true)
      expect(existsSync(result.file)).toBe(true)
      if (result.target === 'instagram') {
        expect(result.format).toBe('jpeg')
        // 4:5, and never enlarged: the 720 px cut-out fixture stays smaller than 1080×1350.
        expect(result.width / result.height).toBeCloseTo(0.8, 2)
        expect(result.width).toBeLessThanOrEqual(1080)
      } else {
        expect(Math.max(result.width, result.height)).toBeLessThanOrEqual(2000)
        expect(result.bytes).toBeLessThanOrEqual(2_000_000)
      }
    }
    const record = running.photos.get(a.record.id)
    const target = (await import('../../../src-shared/platforms/render-targets')).findRenderTarget(
      'bluesky',
    )!
    const reused = await running.renders.renderCached(record, target, {
      background: '#ffffff',
      keepAttribution: false,
    })
    expect(reused.cached).toBe(true)
    // Any edit makes a new render.
    const edited = await running.photos.update(a.record.id, {
      edits: { ...record.edits, quarterTurns: 1 },
    })
    const fresh = await running.renders.renderCached(edited, target, {
      background: '#ffffff',
      keepAttribution: false,
    })
    expect(fresh.cached).toBe(false)
    expect(fresh.height).toBeGreaterThan(fresh.width)
  })

  it('finishes a batch when a worker is killed mid-batch: exactly the photo it was on fails', async () => {
    const running = await start()
    const ids: string[] = []
    for (const name of [
      'werkbank-landscape.jpg',
      'tassen-rotated.jpg',
      'ufer.webp',
      'druck-cmyk.jpg',
      'panorama.jpg',
      'winzig.jpg',
    ]) {
      ids.push(
        (await running.photos.importUpload(name, createReadStream(join(fixtures, name)))).record.id,
      )
    }
    let killed = false
    const finished = waitFor(running, 'jobs.progress', (payload) => {
      // Right after a result both workers pick up the next photos; kill one of them while it works.
      if (!killed && (payload.done as number) === 1) {
        killed = true
        const [victim] = photoWorkerPids()
        if (victim) process.kill(victim, 'SIGKILL')
      }
      return payload.state !== 'running'
    })
    running.renders.start(ids, ['facebook'], { background: '#ffffff', keepAttribution: false })
    const last = (await finished).at(-1) as {
      state: string
      done: number
      failed: number
      results: { ok: boolean; error?: { code: string } }[]
    }
    expect(killed).toBe(true)
    expect(last).toMatchObject({ state: 'done', done: 6, failed: 1 })
    expect(last.results.filter((result) => !result.ok).map((result) => result.error?.code)).toEqual(
      ['worker_crashed'],
    )
  })
})

/** The photo worker processes this test process started (child_process.fork of photo-worker.js). */
function photoWorkerPids(): number[] {
  const lines = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], {
    encoding: 'utf8',
  })
  return lines
    .split('\n')
    .filter((line) => line.includes('photo-worker.js'))
    .map((line) => Number.parseInt(line.trim(), 10))
}

/** Every file under a folder with its size, for before/after comparisons. */
function listTree(root: string): Record<string, number> {
  const entries: Record<string, number> = {}
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      else entries[path.slice(root.length)] = statSync(path).size
    }
  }
  walk(root)
  return entries
}
