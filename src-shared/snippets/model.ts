import { z } from 'zod'
import { hasNoDuplicateHashtags, isNormalisedHashtag } from './hashtags'
import { isVariableName } from './variables'

/**
 * Caption templates and saved hashtag sets: small, reusable pieces of caption text a crafter
 * inserts into a post. Each kind is one JSON document in the library (snippets/, see
 * src-main/snippets/snippet-store.ts); `format` is that document's version, bumped with a
 * migration when the shape changes. Objects are strict, as for posts: a misspelt field is refused,
 * never silently dropped.
 */

/** Random, lowercase hex: like a post id, safe on case-insensitive filesystems. */
export const SnippetIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'a snippet id is 32 hex digits')
export type SnippetId = z.infer<typeof SnippetIdSchema>

/** What the user calls it in lists and pickers ("Ring-Hashtags"); spaces around are dropped. */
export const SnippetNameSchema = z.string().trim().min(1, 'a name is needed').max(100)

/**
 * Two templates (or two sets) may not share a name: they could not be told apart in a picker.
 * Names are compared as a person reads them: spaces around, case and umlaut spelling ignored.
 */
export function snippetNameKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase()
}

/** Sanity cap only (a caption template is a caption, and no network takes 10 000 characters). */
export const TemplateTextSchema = z.string().max(10_000)

const IsoDateTimeSchema = z.iso.datetime()

export const CaptionTemplateSchema = z.strictObject({
  id: SnippetIdSchema,
  name: SnippetNameSchema,
  /** Caption text with `{variable}` placeholders (src-shared/snippets/variables.ts). */
  text: TemplateTextSchema,
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
})
export type CaptionTemplate = z.infer<typeof CaptionTemplateSchema>

/** A normalised tag: `#` and the characters a network keeps in a hashtag (hashtags.ts). */
export const HashtagSchema = z
  .string()
  .refine(isNormalisedHashtag, 'a hashtag is # followed by letters, digits or _')

/** Instagram takes 30 per post; a set may hold more (the user picks a set per network). */
export const maxTagsPerSet = 200

export const HashtagSetSchema = z.strictObject({
  id: SnippetIdSchema,
  name: SnippetNameSchema,
  tags: z
    .array(HashtagSchema)
    .max(maxTagsPerSet)
    .refine(hasNoDuplicateHashtags, 'a tag appears once, whatever its case'),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
})
export type HashtagSet = z.infer<typeof HashtagSetSchema>

/** The snippet kinds, as `snippets.changed` names them. */
export const snippetKinds = ['templates', 'hashtagSets'] as const
export const SnippetKindSchema = z.enum(snippetKinds)
export type SnippetKind = z.infer<typeof SnippetKindSchema>

const maxItems = 1_000
const uniqueIds = (items: readonly { id: string }[]) =>
  new Set(items.map((item) => item.id)).size === items.length

/** snippets/caption-templates.json: the templates in the user's order. */
export const TemplatesDocumentSchema = z.strictObject({
  format: z.literal(1),
  templates: z.array(CaptionTemplateSchema).max(maxItems).refine(uniqueIds, 'ids are unique'),
})
export type TemplatesDocument = z.infer<typeof TemplatesDocumentSchema>

/** snippets/hashtag-sets.json: the sets in the user's order. */
export const HashtagSetsDocumentSchema = z.strictObject({
  format: z.literal(1),
  hashtagSets: z.array(HashtagSetSchema).max(maxItems).refine(uniqueIds, 'ids are unique'),
})
export type HashtagSetsDocument = z.infer<typeof HashtagSetsDocumentSchema>

/** A variable's name as a key: the same rules as between braces in a template. */
export const VariableNameSchema = z
  .string()
  .refine(isVariableName, 'a variable name is letters, digits and _')

/** The value a variable was last filled with, by name: the picker offers it next time. */
export const VariableValuesSchema = z.record(VariableNameSchema, z.string().max(2_000))
export type VariableValues = z.infer<typeof VariableValuesSchema>

/** Enough for every variable a crafter uses; the oldest are forgotten first beyond it. */
export const maxRememberedValues = 200

/** snippets/template-values.json: last values, oldest first (insertion order is the age). */
export const TemplateValuesDocumentSchema = z.strictObject({
  format: z.literal(1),
  values: VariableValuesSchema,
})
export type TemplateValuesDocument = z.infer<typeof TemplateValuesDocumentSchema>

// What the renderer sends. Hashtags arrive as typed and are normalised by the store, which
// refuses the call (naming each bad entry) rather than dropping a tag the user asked for.

export const TemplateDraftSchema = z.strictObject({
  name: SnippetNameSchema,
  text: TemplateTextSchema,
})
export type TemplateDraft = z.input<typeof TemplateDraftSchema>

export const TemplatePatchSchema = TemplateDraftSchema.partial()
export type TemplatePatch = z.input<typeof TemplatePatchSchema>

const TypedTagsSchema = z.array(z.string().max(500)).max(maxTagsPerSet * 2)

export const HashtagSetDraftSchema = z.strictObject({
  name: SnippetNameSchema,
  tags: TypedTagsSchema,
})
export type HashtagSetDraft = z.input<typeof HashtagSetDraftSchema>

export const HashtagSetPatchSchema = HashtagSetDraftSchema.partial()
export type HashtagSetPatch = z.input<typeof HashtagSetPatchSchema>
