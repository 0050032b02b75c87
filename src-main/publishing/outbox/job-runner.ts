import type { AccountSummary } from '../../../src-shared/accounts/contract'
import { AppErrorException, type ErrorCode } from '../../../src-shared/errors'
import type {
  JobMedia,
  JobState,
  OutboxJob,
  RenderedMedia,
} from '../../../src-shared/publishing/job'
import type { AdapterContext, NetworkAdapter, PublishedPost } from '../adapter'
import type { StepBoundary } from './boundaries'
import { preparedImage, preparedPost, unrendered } from './job-content'
import { photosWithSmallerOne, renderFailure, sizeRefusal } from './smaller-photo'

/** What one run of a job needs; the outbox gives it (and owns the job's document). */
export interface JobRun {
  job(): OutboxJob
  /** Writes the change to the job's document (fsync'd) before it returns. */
  record(patch: Partial<OutboxJob>): Promise<OutboxJob>
  boundary(name: StepBoundary): Promise<void>
  progress(state: JobState, fraction: number): void
  adapter: NetworkAdapter
  account: AccountSummary
  /** AccountService.withSecret: refreshes once on a refusal, then pauses the account. */
  withSecret<T>(use: (secret: string) => Promise<T>): Promise<T>
  render(media: JobMedia, signal: AbortSignal): Promise<RenderedMedia>
  fetch: typeof fetch
  signal: AbortSignal
  now(): Date
}

/** The state a job starts (or resumes) in: rendering while a photo is not uploaded yet. */
export function firstState(job: OutboxJob): JobState {
  return job.media.some((media) => !media.remoteId) ? 'rendering' : 'posting'
}

/**
 * Answers that mean the create made nothing (adapter.ts): the network refused it, or (not_found)
 * something it needed locally was gone before anything was sent, such as a staged photo.
 */
const refusals = new Set<ErrorCode>([
  'not_found',
  'validation',
  'over_limit',
  'media_rejected',
  'needs_reconnect',
  'auth_failed',
  'rate_limited',
])

/**
 * How long a recorded upload is trusted. Networks drop uploads that no post uses: X's media
 * expire after 24 hours (`expires_after_secs`), Mastodon removes unattached media after about a
 * day, a PDS may collect unreferenced blobs. A job that waited longer than this (offline, paused
 * for a reconnect, failed and retried later) uploads those photos again before posting.
 */
export const uploadsTrustedForMs = 6 * 60 * 60_000

/**
 * The job's photos with uploads older than `uploadsTrustedForMs` forgotten (to be uploaded
 * again), or undefined when none is that old. Never while a create is in doubt: the post that
 * create may have made uses the recorded ids, and looking it up or repeating it needs them.
 */
export function withoutStaleUploads(job: OutboxJob, now: Date): JobMedia[] | undefined {
  if (job.postingStartedAt) return undefined
  const oldest = now.getTime() - uploadsTrustedForMs
  const stale = (media: JobMedia) =>
    media.remoteId !== undefined &&
    media.uploadedAt !== undefined &&
    Date.parse(media.uploadedAt) < oldest
  if (!job.media.some(stale)) return undefined
  return job.media.map((media) => (stale(media) ? unrendered(media) : media))
}

/** Shares of the progress bar: rendering is quick (cached), uploads take the time. */
const share = { render: 0.1, upload: 0.8 } as const

/**
 * Runs a job from wherever its document says it is to done. Each step skips what is recorded:
 * photos with a media id are not rendered or uploaded again, and a create whose outcome is
 * unknown (`postingStartedAt` from an earlier attempt) is first looked for where the network
 * offers that, then repeated with the same idempotency key (the job id). A photo the network
 * refuses for its size, naming its limit, is rendered smaller and sent once more
 * (smaller-photo.ts); the steps then go on from where they are.
 * @throws whatever a step throws; the outbox decides what the failure means (retry-policy.ts)
 */
export async function runJob(run: JobRun): Promise<void> {
  await run.boundary('run.started')
  for (;;) {
    try {
      return await publish(run)
    } catch (error) {
      const refusal = sizeRefusal(error, run.job())
      if (!refusal) throw error
      await run.record({ media: photosWithSmallerOne(run.job(), refusal, run.adapter.network) })
    }
  }
}

/** Render, check, uploads and the create: each skipping what the document has recorded. */
async function publish(run: JobRun): Promise<void> {
  const { adapter, account } = run
  const total = run.job().media.length
  await render(run)

  const problems = adapter.check(preparedPost(run.job()), account)
  if (problems.length > 0) {
    throw new AppErrorException('validation', problems.join(' '), { problems })
  }

  for (const [index, media] of run.job().media.entries()) {
    if (media.remoteId) continue
    if (run.job().state !== 'uploading') await run.record({ state: 'uploading' })
    const progress = (fraction: number): void =>
      run.progress('uploading', share.render + share.upload * ((index + fraction) / total))
    progress(0)
    const remoteId = await run.withSecret((secret) =>
      adapter.uploadMedia(preparedImage(media), context(run, secret, progress)),
    )
    await run.boundary(`upload.returned:${index}`)
    const uploadedAt = run.now().toISOString()
    const next = run
      .job()
      .media.map((entry, at) => (at === index ? { ...entry, remoteId, uploadedAt } : entry))
    await run.record({ media: next })
    await run.boundary(`upload.recorded:${index}`)
  }

  const posted = (fraction: number): void =>
    run.progress(
      'posting',
      share.render + share.upload + (1 - share.render - share.upload) * fraction,
    )
  if (run.job().postingStartedAt && adapter.findExisting) {
    if (run.job().state !== 'posting') await run.record({ state: 'posting' })
    posted(0)
    const post = preparedPost(run.job())
    const since = new Date(run.job().postingStartedAt!)
    const sent = run.job().media.flatMap((entry) => (entry.remoteId ? [entry.remoteId] : []))
    const found = await run.withSecret((secret) =>
      adapter.findExisting!(post, context(run, secret, posted), since, sent),
    )
    if (found) return finish(run, found)
  }
  // An earlier unknown attempt keeps its time: a later look-up must still find what it made.
  const startedAt = run.job().postingStartedAt ?? run.now().toISOString()
  await run.record({ state: 'posting', postingStartedAt: startedAt })
  await run.boundary('post.started')
  posted(0)
  const post = preparedPost(run.job())
  const media = run.job().media.map((entry) => entry.remoteId ?? '')
  let created: PublishedPost
  try {
    created = await run.withSecret((secret) =>
      adapter.createPost(post, media, context(run, secret, posted)),
    )
  } catch (error) {
    // The network answered "no": nothing was made, so the outcome is known again.
    if (error instanceof AppErrorException && refusals.has(error.code)) {
      await run.record({ postingStartedAt: undefined }).catch(() => undefined)
    }
    throw error
  }
  await run.boundary('post.returned')
  await finish(run, created)
}

/** Renders every photo not yet uploaded (a cache hit when nothing changed) and records them. */
async function render(run: JobRun): Promise<void> {
  const media = run.job().media
  const pending = media.filter((entry) => !entry.remoteId)
  if (pending.length === 0) return
  if (run.job().state !== 'rendering') await run.record({ state: 'rendering' })
  const rendered: JobMedia[] = []
  let done = 0
  for (const [index, entry] of media.entries()) {
    if (entry.remoteId) {
      rendered.push(entry)
      continue
    }
    run.progress('rendering', (share.render * done) / pending.length)
    const made = await run.render(entry, run.signal).catch((error: unknown) => {
      throw renderFailure(error, entry, index, run.adapter.network)
    })
    rendered.push({ ...entry, rendered: made })
    done += 1
  }
  await run.record({ media: rendered })
  await run.boundary('render.recorded')
}

async function finish(run: JobRun, published: PublishedPost): Promise<void> {
  await run.record({
    state: 'done',
    result: { remoteId: published.remoteId, url: published.url },
    postingStartedAt: undefined,
    lastError: undefined,
    waitReason: undefined,
    nextAttemptAt: undefined,
  })
  run.progress('done', 1)
  await run.boundary('post.recorded')
}

function context(
  run: JobRun,
  secret: string,
  progress: (fraction: number) => void,
): AdapterContext {
  return {
    secret,
    account: run.account,
    fetch: run.fetch,
    signal: run.signal,
    progress: (fraction) => progress(Math.min(1, Math.max(0, fraction))),
    idempotencyKey: run.job().id,
  }
}
