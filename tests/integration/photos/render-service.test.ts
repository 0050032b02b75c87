import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EventHub } from '../../../src-main/api/event-hub'
import { PhotoLibrary } from '../../../src-main/library/photo-library'
import { createMemoryLogger } from '../../../src-main/log'
import { probePhoto } from '../../../src-main/photos/pipeline/probe'
import { renderPhotoOutputs } from '../../../src-main/photos/pipeline/render-many'
import type {
  PhotoTaskName,
  PhotoTasks,
  PhotoWorker,
} from '../../../src-main/photos/service/photo-tasks'
import { RenderService } from '../../../src-main/photos/service/render-service'
import { AppErrorException } from '../../../src-shared/errors'
import type { EventPayload } from '../../../src-shared/contract'
import { useTempDirs } from '../../support/temp-dir'
import { fixture } from './support'

/**
 * Batch jobs group each photo's targets into one worker task (one decode), reuse what the cache
 * has per output, and still report every output on its own. The worker runs in this process here,
 * so the test can see and steer each task.
 */

const tempDir = useTempDirs()
const targets = ['4:5', '1:1', 'bluesky']
const options = { background: '#ffffff', keepAttribution: false }

type Call = { task: PhotoTaskName; args: PhotoTasks['renderMany']['args'] }

async function setUp(steer: (call: Call) => Promise<unknown> | undefined = () => undefined) {
  const dir = tempDir('render-service')
  const log = createMemoryLogger()
  const library = await PhotoLibrary.open({ root: join(dir, 'library'), probe: probePhoto, log })
  const calls: Call[] = []
  const worker: PhotoWorker = {
    run: async (task, args, signal) => {
      const call = { task, args: args as PhotoTasks['renderMany']['args'] }
      calls.push(call)
      const steered = steer(call)
      if (steered) return steered as never
      if (task !== 'renderMany') throw new Error(`unexpected task ${task}`)
      return renderPhotoOutputs(call.args, { signal }) as never
    },
  }
  const events = new EventHub()
  const renders = new RenderService({
    library,
    worker,
    events,
    log,
    exportsRoot: () => join(dir, 'exports'),
  })
  const ids: string[] = []
  for (const name of ['werkbank-landscape.jpg', 'winzig.jpg'])
    ids.push((await library.importFile(fixture(name))).record.id)
  const job = async () => {
    const progress: EventPayload<'jobs.progress'>[] = []
    const finished = new Promise<void>((resolve) => {
      const stop = events.subscribe((name, payload) => {
        if (name !== 'jobs.progress') return
        const event = payload as EventPayload<'jobs.progress'>
        progress.push(event)
        if (event.state === 'running') return
        stop()
        resolve()
      })
    })
    renders.start(ids, targets, options)
    await finished
    return progress
  }
  return { library, ids, calls, job }
}

describe('render jobs', () => {
  it('renders all targets of a photo in one worker task and reports each output', async () => {
    const { ids, calls, job } = await setUp()
    const progress = await job()
    expect(calls.map((call) => [call.task, call.args.outputs.length])).toEqual([
      ['renderMany', 3],
      ['renderMany', 3],
    ])
    // One event to start, the first result at once, later ones throttled, one at the end.
    const done = progress.map((event) => event.done)
    expect(done.slice(0, 2)).toEqual([0, 1])
    expect(done.at(-1)).toBe(6)
    expect(done).toEqual([...done].sort((a, b) => a - b))
    expect(progress.at(-1)?.state).toBe('done')
    const last = progress.at(-1)!
    expect(last).toMatchObject({ state: 'done', total: 6, done: 6, failed: 0 })
    // In request order: photo by photo, target by target.
    expect(last.results.map((result) => [result.photoId, result.target])).toEqual(
      ids.flatMap((id) => targets.map((target) => [id, target])),
    )
    expect(last.results.every((result) => result.ok && result.file)).toBe(true)
  })

  it('renders only the outputs missing from the cache', async () => {
    const { library, calls, job } = await setUp()
    await job()
    calls.length = 0
    const again = (await job()).at(-1)!
    expect(calls).toEqual([]) // everything came from the cache
    expect(again).toMatchObject({ state: 'done', done: 6, failed: 0 })

    // Remove one cached render (the large photo's Bluesky one): only that output is made again.
    const cached = library.layout.renders
    const meta = readdirSync(cached)
      .filter((name) => name.endsWith('.json'))
      .find((name) => {
        const value = JSON.parse(readFileSync(join(cached, name), 'utf8')) as { width: number }
        return value.width === 2000
      })!
    rmSync(join(cached, meta))
    calls.length = 0
    const third = (await job()).at(-1)!
    expect(calls).toHaveLength(1)
    expect(calls[0]!.args.outputs).toHaveLength(1)
    expect(calls[0]!.args.outputs[0]!.spec).toMatchObject({ maxLongEdge: 2000 })
    expect(third).toMatchObject({ state: 'done', done: 6, failed: 0 })
  })

  it('fails only the output that failed, and a whole photo only when its task fails', async () => {
    let large = ''
    const { ids, job } = await setUp(async (call) => {
      if (call.args.source.includes(large)) {
        // The large photo: its second output misses its budget, the others are fine.
        const outcomes = await renderPhotoOutputs(call.args)
        outcomes[1] = { ok: false, error: { code: 'too_large', message: 'Too big.' } }
        return outcomes
      }
      throw new AppErrorException('worker_crashed', 'The photo worker stopped.')
    })
    large = ids[0]!
    const last = (await job()).at(-1)!
    expect(last).toMatchObject({ state: 'done', done: 6, failed: 4 })
    const codes = last.results.map((result) => [result.photoId, result.target, result.error?.code])
    expect(codes).toEqual([
      [ids[0], '4:5', undefined],
      [ids[0], '1:1', 'too_large'],
      [ids[0], 'bluesky', undefined],
      [ids[1], '4:5', 'worker_crashed'],
      [ids[1], '1:1', 'worker_crashed'],
      [ids[1], 'bluesky', 'worker_crashed'],
    ])
  })
})
