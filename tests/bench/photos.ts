import { execFileSync, fork } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { findAppRoot } from '../../src-main/app-root'
import { importRow, werkschauRow } from './app-rows'
import { benchTargets, importCount, photoFiles, type RowInput, type RowResult } from './bench-setup'
import { convertRow, peerEnv, vipsthumbnailRow } from './peer-rows'
import { printReport, type RowName } from './report'

/**
 * `npm run bench:photos`: the photo pipeline against its peers and its own lower bound, on the
 * benchmark photos (../shared/photos/bench), in one run and one table. Built by electron-vite
 * into out/main/bench-photos.js with the app (so it runs the app's own built modules and worker)
 * and run by plain Node. Every row runs in a fresh child process of its own, so one row's memory
 * never shows in another's.
 *
 *   node out/main/bench-photos.js [--photos DIR] [--only ROW,ROW…]
 */

const rows: Record<RowName, (input: RowInput) => Promise<RowResult>> = {
  werkschau: werkschauRow,
  'lower-bound': async (input) => (await import('./sharp-rows')).lowerBoundRow(input),
  vipsthumbnail: vipsthumbnailRow,
  convert: convertRow,
  import: importRow,
  'bare-thumbnail': async (input) => (await import('./sharp-rows')).bareThumbnailRow(input),
}

/**
 * The runs, in order. The two rows whose ratio is the tightest target (the pipeline and its lower
 * bound, a few seconds each) run three times, interleaved, and count by their median; the long
 * peer rows and the import rows run once.
 */
const schedule: RowName[] = [
  'werkschau',
  'lower-bound',
  'werkschau',
  'lower-bound',
  'werkschau',
  'lower-bound',
  'vipsthumbnail',
  'convert',
  'import',
  'bare-thumbnail',
]

/** Median wall and CPU time, the largest peak memory and load; notes from the median run. */
function combine(runs: RowResult[]): RowResult {
  const median = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b)
    const middle = Math.floor(sorted.length / 2)
    return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
  }
  const wallMs = median(runs.map((run) => run.wallMs))
  const typical = runs.reduce((best, run) =>
    Math.abs(run.wallMs - wallMs) < Math.abs(best.wallMs - wallMs) ? run : best,
  )
  return {
    wallMs,
    cpuMs: median(runs.map((run) => run.cpuMs)),
    peakRssBytes: Math.max(...runs.map((run) => run.peakRssBytes)),
    otherLoad: Math.max(...runs.map((run) => run.otherLoad)),
    items: typical.items,
    runs: runs.length,
    notes: typical.notes,
  }
}

interface RowRequest {
  row: RowName
  input: RowInput
}

type RowReply = { ok: true; result: RowResult } | { ok: false; message: string }

/** Child mode: run one row and send its result to the parent. */
function serveRow(): void {
  process.once('message', (message: RowRequest) => {
    rows[message.row](message.input).then(
      (result) => process.send?.({ ok: true, result } satisfies RowReply),
      (error: unknown) =>
        process.send?.({
          ok: false,
          message: error instanceof Error ? (error.stack ?? error.message) : String(error),
        } satisfies RowReply),
    )
  })
}

function runRow(row: RowName, input: RowInput): Promise<RowResult> {
  return new Promise((done, fail) => {
    const child = fork(process.argv[1]!, ['--row'], {
      execArgv: [],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    let reply: RowReply | undefined
    child.on('message', (message: RowReply) => {
      reply = message
      child.disconnect()
    })
    child.on('exit', (code) => {
      if (reply?.ok) done(reply.result)
      else fail(new Error(`row ${row} failed (exit ${code}): ${reply?.message ?? 'no answer'}`))
    })
    child.send({ row, input } satisfies RowRequest)
  })
}

function version(command: string, args: string[]): string | undefined {
  try {
    const text = execFileSync(command, args, { encoding: 'utf8', env: peerEnv(), stdio: 'pipe' })
    return text.split('\n')[0]?.trim()
  } catch {
    return undefined
  }
}

/**
 * Distinct copies of the benchmark photos without re-encoding: a few different bytes after the
 * JPEG's end-of-image marker change the file's hash (so the library stores each one) but not
 * its pixels.
 */
function makeImportCopies(photos: string[], folder: string): string[] {
  mkdirSync(folder, { recursive: true })
  const bytes = photos.map((photo) => readFileSync(photo))
  return Array.from({ length: importCount }, (_, index) => {
    const file = join(
      folder,
      `${String(index).padStart(3, '0')}-${basename(photos[index % photos.length]!)}`,
    )
    const tail = Buffer.from(`werkschau benchmark copy ${index}\n`)
    writeFileSync(file, Buffer.concat([bytes[index % bytes.length]!, tail]))
    return file
  })
}

async function main(): Promise<void> {
  const appRoot = findAppRoot()
  const option = (name: string): string | undefined => {
    const at = process.argv.indexOf(name)
    return at > 0 ? process.argv[at + 1] : undefined
  }
  const photosOption = option('--photos')
  const folder = photosOption ? resolve(photosOption) : join(appRoot, '../shared/photos/bench')
  const only = option('--only')?.split(',')
  const photos = photoFiles(folder)
  if (photos.length === 0) throw new Error(`No JPEG photos in ${folder}.`)

  const sharp = (await import('sharp')).default
  const tools = {
    vipsthumbnail: version('vipsthumbnail', ['--vips-version']),
    convert: version('convert', ['-version'])?.match(/ImageMagick (\S+)/)?.[1],
    time: version('/usr/bin/time', ['--version']),
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  console.log(
    `Werkschau photo benchmark: ${photos.length} photos × ${benchTargets.length} outputs ` +
      `(${benchTargets.map((target) => target.id).join(', ')})`,
  )
  console.log(
    `${availableParallelism()} CPUs (${cpu}), Node ${process.version}, sharp ${sharp.versions.sharp} ` +
      `(libvips ${sharp.versions.vips}); vipsthumbnail ${tools.vipsthumbnail ?? 'missing'}; ` +
      `ImageMagick ${tools.convert ?? 'missing'}`,
  )

  const work = mkdtempSync(join(tmpdir(), 'werkschau-bench-'))
  try {
    const importFiles = makeImportCopies(photos, join(work, 'import-photos'))
    // Read every input once, so no row pays for the first read from disk.
    for (const file of [...photos, ...importFiles]) readFileSync(file)
    const runs = new Map<RowName, RowResult[]>()
    const results: Partial<Record<RowName, RowResult | string>> = {}
    for (const [index, row] of schedule.entries()) {
      if ((only && !only.includes(row)) || typeof results[row] === 'string') continue
      const peer = row === 'vipsthumbnail' || row === 'convert'
      if (peer && (!tools[row] || !tools.time)) {
        results[row] = `not measured: ${tools.time ? row : '/usr/bin/time'} is not installed`
        continue
      }
      const workDir = join(work, `${index}-${row}`)
      mkdirSync(workDir)
      process.stderr.write(`measuring ${row} …\n`)
      try {
        const result = await runRow(row, { photos, workDir, appRoot, importFiles })
        runs.set(row, [...(runs.get(row) ?? []), result])
        results[row] = combine(runs.get(row)!)
      } catch (error) {
        results[row] = `failed: ${error instanceof Error ? error.message : String(error)}`
        // A row that cannot run is an error (a missed target is not: the table says so).
        process.exitCode = 1
      }
      rmSync(workDir, { recursive: true, force: true })
    }
    printReport(results, photos.length)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (process.argv.includes('--row')) serveRow()
else
  main().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
