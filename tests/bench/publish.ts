import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { findAppRoot } from '../../src-main/app-root'
import { photoFiles } from './bench-setup'
import { startPublishBench, type PublishBench } from './publish/bench-app'
import { runPhase, type PostPlan } from './publish/phase'
import { printPublishReport } from './publish/report'

/**
 * `npm run bench:publish`: queued posts with four photos each published to the reference Bluesky
 * PDS on loopback through the real services — outbox, render pipeline (two photo workers, render
 * cache), the Bluesky adapter, keychain — first as new posts, then as duplicates of the same posts
 * (same photos, same crops), whose renders must all come from the cache. Built by electron-vite
 * into out/main/bench-publish.js (the app's own built modules and worker) and run by plain Node.
 *
 *   node out/main/bench-publish.js [--photos DIR] [--posts N]
 */

const photosPerPost = 4

async function main(): Promise<void> {
  const appRoot = findAppRoot()
  const option = (name: string): string | undefined => {
    const at = process.argv.indexOf(name)
    return at > 0 ? process.argv[at + 1] : undefined
  }
  const posts = Number(option('--posts') ?? 20)
  const bench = join(appRoot, '../shared/photos/bench')
  const folder = resolve(
    option('--photos') ??
      (existsSync(bench) ? bench : join(appRoot, 'tests', 'fixtures', 'photos')),
  )
  const photos = photoFiles(folder).slice(0, photosPerPost)
  if (photos.length === 0) throw new Error(`No JPEG photos in ${folder}.`)
  const count = posts * photosPerPost

  console.log(
    `Werkschau publish benchmark: ${posts} queued posts × ${photosPerPost} photos to the reference ` +
      `Bluesky PDS on loopback, then the same ${posts} posts again`,
  )
  console.log(
    `${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}; ` +
      `${count} distinct photos from ${photos.length} in ${folder}`,
  )
  process.stderr.write('starting the PDS, the keyring and the app; importing the photos …\n')
  const work = mkdtempSync(join(tmpdir(), 'werkschau-bench-publish-'))
  let app: PublishBench | undefined
  try {
    app = await startPublishBench({ appRoot, workDir: work, photoFiles: photos, count })
    const plans = postPlans(app.photoIds, posts)
    process.stderr.write('measuring the first run …\n')
    const first = await runPhase(app, 'new posts: render, upload, post', plans)
    process.stderr.write('measuring the duplicates …\n')
    const second = await runPhase(app, 'same posts again: cached renders', plans)
    const listed = await app.pds.xrpc<{ records: unknown[] }>('com.atproto.repo.listRecords', {
      params: { repo: app.maker.did, collection: 'app.bsky.feed.post', limit: '100' },
    })
    const results = [...first.jobs, ...second.jobs].map((job) => job.result?.remoteId)
    const ok = printPublishReport([first, second], {
      recordsOnPds: listed.records.length,
      distinctResults: new Set(results.filter(Boolean)).size,
    })
    if (!ok) process.exitCode = 1
  } finally {
    await app?.close()
    rmSync(work, { recursive: true, force: true })
  }
}

/**
 * Post i has photos 4i…4i+3 with alt text; every other photo uses the 4:5 crop for Bluesky
 * instead of its original shape. The caption has a link, hashtags and an emoji (facets).
 */
function postPlans(photoIds: readonly string[], posts: number): PostPlan[] {
  return Array.from({ length: posts }, (_, post) => ({
    caption: `Werkstück ${post + 1} 🪵 Schalen aus Kirsche, frisch geölt — werkschau-laden.de/schalen #Holz #Handgemacht`,
    photos: photoIds
      .slice(post * photosPerPost, (post + 1) * photosPerPost)
      .map((photoId, index) => ({
        photoId,
        altText: `Werkstück ${post + 1}, Foto ${index + 1}: eine Schale aus Kirschholz.`,
        ...(index % 2 === 1 ? { crops: { bluesky: '4:5' as const } } : {}),
      })),
  }))
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
  process.exit(1)
})
