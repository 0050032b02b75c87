import { setTimeout as wait } from 'node:timers/promises'
import type { OutboxJob } from '../../../src-shared/publishing/job'
import type { PostPhoto } from '../../../src-shared/posts/model'
import type { CacheStats, PublishBench, RenderTally } from './bench-app'
import { sampleProcesses, type ProcessUse } from './processes'

/** One post as the benchmark composes it. */
export interface PostPlan {
  caption: string
  photos: PostPhoto[]
}

export interface PhaseResult {
  label: string
  posts: number
  photos: number
  /** From the first post queued to the last job done. */
  wallMs: number
  renders: RenderTally
  uploadedBytes: number
  jobs: OutboxJob[]
  use: ProcessUse
  cache: { before: CacheStats; after: CacheStats }
}

const terminal = new Set(['done', 'failed', 'cancelled', 'needs_reconnect'])

/**
 * Composes the posts as drafts (not timed), then queues them all — each queued post becomes one
 * outbox job for the Bluesky account — and waits until every job is done: render (from the cache
 * when nothing changed), upload of each photo to the PDS, the post record. Timed, with memory and
 * CPU per process and what the render service reported.
 * @throws when a job does not end done (the table would measure a failure)
 */
export async function runPhase(
  bench: PublishBench,
  label: string,
  plans: readonly PostPlan[],
): Promise<PhaseResult> {
  const postIds: string[] = []
  for (const plan of plans) {
    const post = await bench.call('posts.create', {
      caption: plan.caption,
      targets: ['bluesky'],
      variants: { bluesky: { languages: ['de'] } },
      photos: plan.photos,
    })
    postIds.push(post.id)
  }
  const before = { ...bench.tally }
  const cacheBefore = bench.renderCache()
  const sampler = sampleProcesses()
  const started = performance.now()
  for (const id of postIds) await bench.call('posts.update', { id, status: 'queued' })
  const jobs = await allFinished(bench, postIds)
  const wallMs = performance.now() - started
  const use = sampler.stop()
  const failed = jobs.filter((job) => job.state !== 'done')
  if (failed.length > 0)
    throw new Error(
      `${failed.length} of ${jobs.length} jobs did not finish: ${JSON.stringify(failed[0]?.lastError)}`,
    )
  return {
    label,
    posts: plans.length,
    photos: plans.reduce((sum, plan) => sum + plan.photos.length, 0),
    wallMs,
    renders: {
      renders: bench.tally.renders - before.renders,
      cacheHits: bench.tally.cacheHits - before.cacheHits,
      encodes: bench.tally.encodes - before.encodes,
    },
    uploadedBytes: jobs.reduce(
      (sum, job) =>
        sum + job.media.reduce((bytes, media) => bytes + (media.rendered?.bytes ?? 0), 0),
      0,
    ),
    jobs,
    use,
    cache: { before: cacheBefore, after: bench.renderCache() },
  }
}

/** Polls the outbox (in memory, cheap) until every post's job has ended; 10 minutes at most. */
async function allFinished(bench: PublishBench, postIds: string[]): Promise<OutboxJob[]> {
  const wanted = new Set(postIds)
  const until = Date.now() + 10 * 60_000
  for (;;) {
    const views = bench.services.outbox.list().filter((job) => wanted.has(job.postId))
    if (views.length >= postIds.length && views.every((job) => terminal.has(job.state)))
      return views.flatMap((view) => bench.services.outbox.get(view.id) ?? [])
    if (Date.now() > until)
      throw new Error(
        `The outbox did not finish in 10 minutes: ${JSON.stringify(views.map((job) => job.state))}`,
      )
    await wait(25)
  }
}
