import { randomBytes } from 'node:crypto'
import { mkdir, rm } from 'node:fs/promises'
import { basename, join, parse, resolve } from 'node:path'
import { AppErrorException, type AppError } from '../../src-shared/errors'
import { copyToFreeName } from '../photos/service/free-name'
import { defaultEdits } from '../../src-shared/photos/model'
import type { RenderTarget } from '../../src-shared/platforms/image-spec'
import { findRenderTarget } from '../../src-shared/platforms/render-targets'
import { findAppRoot, photoWorkerScript } from '../app-root'
import { createMemoryLogger } from '../log'
import { runBatch } from '../photos/jobs/batch-job'
import { expandImportPaths } from '../photos/service/expand-paths'
import type { PhotoTasks } from '../photos/service/photo-tasks'
import { WorkerPool } from '../photos/worker/worker-pool'
import { forkNodeWorker } from '../photos/worker/worker-process'
import { UsageError } from './arguments'

export interface ExportOptions {
  inputs: string[]
  targets: string[]
  out: string
  json: boolean
}

interface ExportedFile {
  target: string
  path: string
  bytes: number
  width: number
  height: number
  format: string
  warnings: string[]
}

type InputResult =
  | { input: string; ok: true; outputs: ExportedFile[] }
  | { input: string; ok: false; error: AppError }

const extensions: Record<string, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' }

/**
 * `werkschau export`: the app's own pipeline (same worker process, same rules per network) on
 * files from the command line, without touching the library. Exit code 0 when every input
 * succeeded, 2 when some failed, 1 when none did.
 */
export async function exportFiles(options: ExportOptions): Promise<number> {
  const targets = [...new Set(options.targets)].map((id): RenderTarget => {
    const target = findRenderTarget(id)
    if (!target) throw new UsageError(`Unknown network or preset for --for: ${id}`)
    return target
  })
  const files = await expandImportPaths(options.inputs.map((input) => resolve(input)))
  if (files.length === 0) throw new UsageError('No image files found in the given paths.')
  const out = resolve(options.out)
  const log = createMemoryLogger()
  const pool = new WorkerPool({
    spawn: forkNodeWorker(photoWorkerScript(findAppRoot())),
    size: 2,
    concurrencyPerWorker: 1,
    log,
  })
  const run = <T extends keyof PhotoTasks>(task: T, args: PhotoTasks[T]['args']) =>
    pool.run<PhotoTasks[T]['result']>(task, args)
  try {
    // Twice the workers, so each has its next photo queued while this process renames the outputs.
    const results = await runBatch(files, (file) => exportOne(file, targets, out, run), {
      concurrency: 4,
      onProgress: ({ lastResult }) => {
        if (lastResult && !options.json) printHuman(toInputResult(lastResult))
      },
    })
    const summary = results.map(toInputResult)
    if (options.json) for (const result of summary) console.log(JSON.stringify(result))
    const failed = summary.filter((result) => !result.ok).length
    if (!options.json)
      console.log(`${summary.length - failed} of ${summary.length} photos exported to ${out}`)
    return failed === 0 ? 0 : failed === summary.length ? 1 : 2
  } finally {
    await pool.close()
  }
}

async function exportOne(
  file: string,
  targets: readonly RenderTarget[],
  out: string,
  run: <T extends keyof PhotoTasks>(
    task: T,
    args: PhotoTasks[T]['args'],
  ) => Promise<PhotoTasks[T]['result']>,
): Promise<ExportedFile[]> {
  const name = parse(file).name
  // Written under a hidden name beside the target folders, moved in once complete.
  const pending = join(out, `.${name}.${randomBytes(4).toString('hex')}`)
  await mkdir(out, { recursive: true })
  // One worker task per photo: its header is checked (corrupt files, bombs) before anything is
  // decoded, then it is decoded once for all targets.
  const outcomes = await run('renderMany', {
    source: file,
    edits: defaultEdits,
    options: { background: '#ffffff', keepAttribution: false },
    outputs: targets.map((target, index) => ({
      spec: target.image,
      out: `${pending}.${index}.partial`,
    })),
  })
  const outputs: ExportedFile[] = []
  let failure: AppError | undefined
  for (const [index, outcome] of outcomes.entries()) {
    const target = targets[index]!
    if (!outcome.ok) {
      const { details } = outcome.error
      const known = typeof details === 'object' && details !== null ? details : {}
      failure ??= { ...outcome.error, details: { ...known, target: target.id } }
      continue
    }
    const rendered = outcome.value
    const folder = join(out, target.id)
    await mkdir(folder, { recursive: true })
    const path = await copyToFreeName(
      rendered.file,
      folder,
      name,
      extensions[rendered.format] ?? rendered.format,
    )
    await rm(rendered.file, { force: true })
    outputs.push({
      target: target.id,
      path,
      bytes: rendered.bytes,
      width: rendered.width,
      height: rendered.height,
      format: rendered.format,
      warnings: rendered.warnings.map((warning) => warning.code),
    })
  }
  // An input counts as exported only with every target; the outputs that were made stay on disk.
  if (failure) throw new AppErrorException(failure.code, failure.message, failure.details)
  return outputs
}

function toInputResult(result: {
  item: string
  ok: boolean
  value?: ExportedFile[]
  error?: AppError
}): InputResult {
  if (result.ok && result.value) return { input: result.item, ok: true, outputs: result.value }
  const error = result.error ?? new AppErrorException('internal', 'Unknown failure').toAppError()
  return { input: result.item, ok: false, error }
}

function printHuman(result: InputResult): void {
  if (!result.ok) {
    const details = result.error.details as { target?: unknown } | undefined
    const target = typeof details?.target === 'string' ? ` (${details.target})` : ''
    console.error(`✗ ${basename(result.input)}${target}: ${result.error.message}`)
    return
  }
  const parts = result.outputs.map(
    (output) =>
      `${output.target} ${output.width}×${output.height} ${Math.round(output.bytes / 1024)} kB`,
  )
  console.log(`✓ ${basename(result.input)}: ${parts.join(', ')}`)
}
