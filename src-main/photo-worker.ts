import { z } from 'zod'
import { AppErrorException, describeIssues } from '../src-shared/errors'
import { NormalizedRectSchema, PhotoEditsSchema } from '../src-shared/photos/model'
import { makeThumbnail } from './photos/pipeline/thumbnail'
import { probePhoto } from './photos/pipeline/probe'
import { configureSharp } from './photos/pipeline/sharp-settings'
import { renderPhoto } from './photos/pipeline/render'
import { renderPhotoOutputs, type RenderManyRequest } from './photos/pipeline/render-many'
import type { PhotoTasks } from './photos/service/photo-tasks'
import { currentProcessPort, serveTasks, type TaskMap } from './photos/worker/serve-tasks'

/*
 * The photo worker process (Electron utilityProcess, or child_process.fork under Node): all
 * decoding and encoding happens here, so a crash or out-of-memory on one photo cannot take the
 * app down. Arguments are checked at this process boundary like any other.
 */

const FileSchema = z.string().min(1)
const ProbeArgs = z.object({ file: FileSchema })
const ThumbnailArgs = z.object({
  file: FileSchema,
  out: FileSchema,
  longEdge: z.number().int().min(16).max(8192),
})
const RenderArgs = z.object({
  source: FileSchema,
  out: FileSchema,
  edits: PhotoEditsSchema,
  crop: NormalizedRectSchema.optional(),
  // Shapes owned by src-shared/platforms and the pipeline, which checks its own arguments.
  spec: z.record(z.string(), z.unknown()),
  options: z.record(z.string(), z.unknown()),
})

const RenderManyArgs = z.object({
  source: FileSchema,
  edits: PhotoEditsSchema,
  options: z.record(z.string(), z.unknown()),
  outputs: z
    .array(
      z.object({
        crop: NormalizedRectSchema.optional(),
        spec: z.record(z.string(), z.unknown()),
        out: FileSchema,
      }),
    )
    .min(1),
})

/** Bad arguments are a typed validation error, as at every other boundary. */
function parseArgs<T>(schema: z.ZodType<T>, args: unknown, task: string): T {
  const parsed = schema.safeParse(args)
  if (parsed.success) return parsed.data
  throw new AppErrorException(
    'validation',
    `The photo worker got invalid arguments for "${task}".`,
    {
      issues: describeIssues(parsed.error),
    },
  )
}

const tasks: TaskMap = {
  probe: async (args): Promise<PhotoTasks['probe']['result']> =>
    probePhoto(parseArgs(ProbeArgs, args, 'probe').file),
  thumbnail: async (args): Promise<PhotoTasks['thumbnail']['result']> => {
    const { file, out, longEdge } = parseArgs(ThumbnailArgs, args, 'thumbnail')
    return makeThumbnail(file, out, longEdge)
  },
  render: async (args): Promise<PhotoTasks['render']['result']> => {
    const request = parseArgs(RenderArgs, args, 'render') as unknown as PhotoTasks['render']['args']
    return renderPhoto(request, request.out)
  },
  renderMany: async (args, signal): Promise<PhotoTasks['renderMany']['result']> => {
    const request = parseArgs(RenderManyArgs, args, 'renderMany') as unknown as RenderManyRequest
    return renderPhotoOutputs(request, { signal })
  },
}

configureSharp()
serveTasks(tasks, currentProcessPort())
