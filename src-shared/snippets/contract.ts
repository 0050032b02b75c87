import { z } from 'zod'
import {
  CaptionTemplateSchema,
  HashtagSetDraftSchema,
  HashtagSetPatchSchema,
  HashtagSetSchema,
  SnippetIdSchema,
  SnippetKindSchema,
  TemplateDraftSchema,
  TemplatePatchSchema,
  VariableValuesSchema,
} from './model'

/**
 * Caption templates and hashtag sets, spread into `channels` and `events` in src-shared/contract.ts.
 *
 * Lists come in the user's order. `delete` answers with what it removed and where it was, and
 * `restore` puts exactly that back (the Undo in the toast); `move` changes the order.
 */

const byId = z.strictObject({ id: SnippetIdSchema })
/** Where an item goes in the list, 0 first; a number past the end means last. */
const position = z.number().int().min(0)

export const snippetChannels = {
  'templates.list': { input: z.void(), output: z.array(CaptionTemplateSchema) },
  'templates.create': { input: TemplateDraftSchema, output: CaptionTemplateSchema },
  'templates.update': {
    input: TemplatePatchSchema.extend({ id: SnippetIdSchema }),
    output: CaptionTemplateSchema,
  },
  'templates.delete': {
    input: byId,
    output: z.object({ template: CaptionTemplateSchema, index: z.number().int() }),
  },
  'templates.restore': {
    input: z.strictObject({ template: CaptionTemplateSchema, index: position }),
    output: CaptionTemplateSchema,
  },
  'templates.move': {
    input: z.strictObject({ id: SnippetIdSchema, to: position }),
    output: z.array(CaptionTemplateSchema),
  },
  /** The values each variable was last filled with, for the template picker to offer again. */
  'templates.lastValues': { input: z.void(), output: VariableValuesSchema },
  'templates.rememberValues': { input: VariableValuesSchema, output: VariableValuesSchema },

  'hashtagSets.list': { input: z.void(), output: z.array(HashtagSetSchema) },
  'hashtagSets.create': { input: HashtagSetDraftSchema, output: HashtagSetSchema },
  'hashtagSets.update': {
    input: HashtagSetPatchSchema.extend({ id: SnippetIdSchema }),
    output: HashtagSetSchema,
  },
  'hashtagSets.delete': {
    input: byId,
    output: z.object({ hashtagSet: HashtagSetSchema, index: z.number().int() }),
  },
  'hashtagSets.restore': {
    input: z.strictObject({ hashtagSet: HashtagSetSchema, index: position }),
    output: HashtagSetSchema,
  },
  'hashtagSets.move': {
    input: z.strictObject({ id: SnippetIdSchema, to: position }),
    output: z.array(HashtagSetSchema),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

export type SnippetChannelName = keyof typeof snippetChannels

export const snippetEvents = {
  /** Templates or hashtag sets were created, changed, reordered or deleted: lists reload. */
  'snippets.changed': z.object({ kind: SnippetKindSchema, ids: z.array(SnippetIdSchema) }),
} as const satisfies Record<string, z.ZodType>
