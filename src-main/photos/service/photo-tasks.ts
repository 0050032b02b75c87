import type { AppError } from '../../../src-shared/errors'
import type { NormalizedRect, PhotoEdits, PhotoProbe } from '../../../src-shared/photos/model'
import type { ImageSpec, OutputFormat } from '../../../src-shared/platforms/image-spec'
import type { RenderOptions } from '../pipeline/render'

/**
 * The tasks the photo worker process runs, with their arguments and results: the one place both
 * sides of the process boundary agree on (the worker entry implements them, services call them).
 */
export interface PhotoTasks {
  probe: { args: { file: string }; result: PhotoProbe }
  thumbnail: {
    args: { file: string; out: string; longEdge: number }
    result: { width: number; height: number; bytes: number }
  }
  render: {
    args: {
      source: string
      edits: PhotoEdits
      crop?: NormalizedRect | undefined
      spec: ImageSpec
      options: RenderOptions
      out: string
    }
    result: RenderedFile
  }
  /** Several outputs of one photo from one decode; one outcome per output, in order. */
  renderMany: {
    args: {
      source: string
      edits: PhotoEdits
      options: RenderOptions
      outputs: { crop?: NormalizedRect | undefined; spec: ImageSpec; out: string }[]
    }
    result: RenderOutcome[]
  }
}

export type RenderOutcome = { ok: true; value: RenderedFile } | { ok: false; error: AppError }

export interface RenderedFile {
  file: string
  width: number
  height: number
  format: OutputFormat
  bytes: number
  quality?: number | undefined
  encodes: number
  warnings: { code: string }[]
}

export type PhotoTaskName = keyof PhotoTasks

/** What services need of the worker pool, typed by task. */
export interface PhotoWorker {
  run<T extends PhotoTaskName>(
    task: T,
    args: PhotoTasks[T]['args'],
    signal?: AbortSignal,
  ): Promise<PhotoTasks[T]['result']>
}
