import { z } from 'zod'
import { AppErrorSchema, type AppError } from '../../../src-shared/errors'

/*
 * The photo worker's wire protocol (like Signal Desktop's SQL worker): the parent numbers every
 * request, the child answers each number exactly once. Both sides parse every message they
 * receive, because the other end is a separate process that may be a different build, half dead,
 * or — in tests — a hand-written script.
 */

const MessageIdSchema = z.number().int().nonnegative()

export const RunMessageSchema = z.object({
  type: z.literal('run'),
  id: MessageIdSchema,
  task: z.string().min(1),
  args: z.unknown(),
})

export const CancelMessageSchema = z.object({ type: z.literal('cancel'), id: MessageIdSchema })

/** Parent → child. */
export const ParentMessageSchema = z.discriminatedUnion('type', [
  RunMessageSchema,
  CancelMessageSchema,
])
export type ParentMessage = z.infer<typeof ParentMessageSchema>

export const ResultMessageSchema = z.union([
  z.object({
    type: z.literal('result'),
    id: MessageIdSchema,
    ok: z.literal(true),
    value: z.unknown(),
  }),
  z.object({
    type: z.literal('result'),
    id: MessageIdSchema,
    ok: z.literal(false),
    error: AppErrorSchema,
  }),
])
export type ResultMessage = z.infer<typeof ResultMessageSchema>

export const ReadyMessageSchema = z.object({ type: z.literal('ready') })

/** Child → parent. */
export const ChildMessageSchema = z.union([ReadyMessageSchema, ResultMessageSchema])
export type ChildMessage = z.infer<typeof ChildMessageSchema>

export function failureMessage(id: number, error: AppError): ResultMessage {
  return { type: 'result', id, ok: false, error }
}

/** The request id of a message that failed validation, so the sender can still get an answer. */
export function salvageId(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null || !('id' in raw)) return undefined
  const parsed = MessageIdSchema.safeParse(raw.id)
  return parsed.success ? parsed.data : undefined
}
