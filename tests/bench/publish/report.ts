import type { PhaseResult } from './phase'

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`
const mb = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MB`

export interface PublishFacts {
  /** Posts the PDS holds for the account after both runs (listRecords). */
  recordsOnPds: number
  /** Distinct at:// URIs among the jobs' results. */
  distinctResults: number
}

/** The table, the proof that the second run re-encoded nothing, and the checks (missed loudly). */
export function printPublishReport(phases: PhaseResult[], facts: PublishFacts): boolean {
  const header = [
    '',
    'posts',
    'photos',
    'wall',
    'per post',
    'encodes',
    'from cache',
    'uploaded',
    'main peak RSS',
    'worker peak RSS (one / all)',
    'CPU main / workers / PDS',
    'other load',
  ]
  const rows = phases.map((phase) => [
    phase.label,
    String(phase.posts),
    String(phase.photos),
    seconds(phase.wallMs),
    seconds(phase.wallMs / phase.posts),
    String(phase.renders.encodes),
    `${phase.renders.cacheHits} of ${phase.renders.renders}`,
    mb(phase.uploadedBytes),
    mb(phase.use.mainPeakRss),
    `${mb(phase.use.workerPeakRss)} / ${mb(phase.use.workersPeakRss)}`,
    [phase.use.cpuMs.main, phase.use.cpuMs.worker, phase.use.cpuMs.pds].map(seconds).join(' / '),
    `${Math.round(phase.use.otherLoad * 100)} %`,
  ])
  const lines = [header, ...rows]
  const widths = header.map((_, column) => Math.max(...lines.map((cells) => cells[column]!.length)))
  console.log('')
  for (const cells of lines)
    console.log(
      cells
        .map((cell, index) =>
          index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!),
        )
        .join('  '),
    )
  console.log('')

  const [first, second] = phases
  const checks: { label: string; met: boolean; detail: string }[] = []
  const totalPosts = phases.reduce((sum, phase) => sum + phase.posts, 0)
  checks.push({
    label: 'every queued post published once',
    met: facts.recordsOnPds === totalPosts && facts.distinctResults === totalPosts,
    detail: `${facts.recordsOnPds} posts on the PDS, ${facts.distinctResults} distinct at:// URIs, for ${totalPosts} queued`,
  })
  if (first)
    checks.push({
      label: 'the first run renders every photo',
      met: first.renders.encodes >= first.photos && first.renders.cacheHits === 0,
      detail: `${first.renders.encodes} encodes for ${first.photos} photos, ${first.renders.cacheHits} from the cache`,
    })
  if (second) {
    const cacheUntouched =
      second.cache.after.entries === second.cache.before.entries &&
      second.cache.after.newestWriteMs === second.cache.before.newestWriteMs
    checks.push({
      label: 'the duplicates re-encode nothing (cached renders reused)',
      met:
        second.renders.encodes === 0 &&
        second.renders.cacheHits === second.photos &&
        second.renders.renders === second.photos &&
        cacheUntouched,
      detail:
        `${second.renders.encodes} encodes; ${second.renders.cacheHits} of ${second.photos} renders ` +
        `from the cache; render cache ${second.cache.after.entries} entries before and after, ` +
        (cacheUntouched ? 'nothing written' : 'WRITTEN TO'),
    })
    const sameFiles = sameRenders(first, second)
    checks.push({
      label: 'the duplicates upload the very files the first run rendered',
      met: sameFiles,
      detail: sameFiles ? 'same render-cache files, photo for photo' : 'different files',
    })
  }
  const busiest = Math.max(...phases.map((phase) => phase.use.otherLoad))
  if (busiest > 0.1)
    console.log(
      `Warning: other processes used up to ${Math.round(busiest * 100)} % of the machine's CPU ` +
        'during a run; its wall times are less reliable.',
    )
  console.log('Checks:')
  for (const check of checks)
    console.log(`  ${check.met ? 'met   ' : 'MISSED'}  ${check.label}: ${check.detail}`)
  const missed = checks.filter((check) => !check.met)
  if (missed.length > 0)
    console.log(
      `\n!!! ${missed.length} CHECK${missed.length === 1 ? '' : 'S'} MISSED: ${missed
        .map((check) => check.label)
        .join('; ')} !!!`,
    )
  return missed.length === 0
}

/** Photo for photo, the duplicates' jobs sent the render files the first run's jobs sent. */
function sameRenders(first: PhaseResult | undefined, second: PhaseResult): boolean {
  if (!first) return false
  const files = (phase: PhaseResult) =>
    phase.jobs
      .flatMap((job) => job.media.map((media) => `${media.photoId} ${media.rendered?.file}`))
      .sort()
  return JSON.stringify(files(first)) === JSON.stringify(files(second))
}
