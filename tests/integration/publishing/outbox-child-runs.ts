import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect } from 'vitest'
import type { OutboxJobView } from '../../../src-shared/publishing/contract'
import { OutboxJobSchema } from '../../../src-shared/publishing/job'
import { buildOutboxChild, runOutboxChild } from '../../support/outbox-child/run-outbox-child'

/** The outbox child (tests/support/outbox-child), built once for this test file. */
export function useOutboxChild(): () => string {
  let child: Awaited<ReturnType<typeof buildOutboxChild>> | undefined
  beforeAll(async () => {
    child = await buildOutboxChild()
  }, 60_000)
  afterAll(() => child?.remove())
  return () => {
    if (!child) throw new Error('The outbox child is not built (use it inside a test).')
    return child.script
  }
}

/**
 * Runs the outbox in a child process until it dies at `crash.at`, then in a new one to the end.
 * @returns the one job, as the second process listed it when everything had finished
 */
export async function crashThenFinish(
  script: string,
  dataDir: string,
  crash: { at: string; how: 'kill' | 'exit'; xApi?: string },
): Promise<OutboxJobView> {
  const crashed = await runOutboxChild(script, dataDir, crash)
  expect(crashed.lines, crashed.stderr).toEqual([{ crashedAt: crash.at }])
  if (crash.how === 'kill') expect(crashed.signal).toBe('SIGKILL')
  else expect(crashed.code).toBe(1)

  const restarted = await runOutboxChild(script, dataDir, crash.xApi ? { xApi: crash.xApi } : {})
  expect(restarted.code, restarted.stderr).toBe(0)
  const last = restarted.lines.at(-1) as { jobs: OutboxJobView[] }
  expect(last.jobs, JSON.stringify(last)).toHaveLength(1)
  return last.jobs[0]!
}

/** Zero lost: the one job document on disk says done, with every media id recorded. */
export function expectOneDoneJob(
  library: string,
  id: string,
  mediaIds: readonly string[] | undefined,
): void {
  const folder = join(library, 'outbox')
  const files = readdirSync(folder).filter((name) => name.endsWith('.json'))
  expect(files).toEqual([`${id}.json`])
  const saved = OutboxJobSchema.parse(JSON.parse(readFileSync(join(folder, files[0]!), 'utf8')))
  expect(saved.state).toBe('done')
  expect(saved.postingStartedAt).toBeUndefined()
  if (mediaIds) expect(saved.media.map((media) => media.remoteId)).toEqual(mediaIds)
  else expect(saved.media.every((media) => media.remoteId !== undefined)).toBe(true)
}
