import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { z } from 'zod'
import { AppErrorException } from '../../src-shared/errors'
import { normaliseHashtags } from '../../src-shared/snippets/hashtags'
import {
  HashtagSetDraftSchema,
  HashtagSetPatchSchema,
  HashtagSetSchema,
  HashtagSetsDocumentSchema,
  TemplateDraftSchema,
  TemplatePatchSchema,
  TemplatesDocumentSchema,
  TemplateValuesDocumentSchema,
  CaptionTemplateSchema,
  maxRememberedValues,
  VariableValuesSchema,
  type CaptionTemplate,
  type HashtagSet,
  type HashtagSetDraft,
  type HashtagSetPatch,
  type SnippetId,
  type SnippetKind,
  type TemplateDraft,
  type TemplatePatch,
  type VariableValues,
} from '../../src-shared/snippets/model'
import { removeTempFiles } from '../library/atomic-file'
import { invalid } from '../library/records'
import type { Logger } from '../log'
import { SnippetFile } from './snippet-file'
import { SnippetList } from './snippet-list'

export interface SnippetStoreOptions {
  /** The library folder; snippets live in its snippets/ folder. */
  root: string
  log: Logger
  clock?: () => Date
  /** Called after every change that reached the disk. */
  onChanged?: (kind: SnippetKind, ids: SnippetId[]) => void
}

/**
 * Paths of the snippet documents (kept here rather than in library-layout.ts: nothing else in
 * the library refers to them).
 *
 *   snippets/caption-templates.json   every caption template, in the user's order
 *   snippets/hashtag-sets.json        every hashtag set, in the user's order
 *   snippets/template-values.json     the value each template variable was last filled with
 *   snippets/.unreadable/             documents that failed to load, kept for the user
 *
 * One document per kind rather than one per item: a crafter keeps tens of these, not thousands,
 * so rewriting the whole list costs nothing; the order is part of the one document, so moving an
 * item is one atomic write (one file per item would need an order field and several writes that a
 * crash could leave half done); and a kind is read with one file at open.
 */
export function snippetPaths(root: string) {
  const folder = join(resolve(root), 'snippets')
  return {
    folder,
    unreadable: join(folder, '.unreadable'),
    templates: join(folder, 'caption-templates.json'),
    hashtagSets: join(folder, 'hashtag-sets.json'),
    values: join(folder, 'template-values.json'),
  }
}

type TemplateList = SnippetList<typeof TemplatesDocumentSchema, CaptionTemplate>
type HashtagSetList = SnippetList<typeof HashtagSetsDocumentSchema, HashtagSet>

/**
 * Caption templates and hashtag sets of a library, plus the last values of template variables.
 * Nothing is created until the user creates something: a new library has no snippets folder
 * files and shows the empty states.
 */
export class SnippetStore {
  private constructor(
    readonly templates: TemplateList,
    readonly hashtagSets: HashtagSetList,
    private readonly values: SnippetFile<typeof TemplateValuesDocumentSchema>,
  ) {}

  static async open(options: SnippetStoreOptions): Promise<SnippetStore> {
    const { log } = options
    const paths = snippetPaths(options.root)
    await mkdir(paths.unreadable, { recursive: true })
    const removed = await removeTempFiles(paths.folder)
    if (removed > 0) log.info(`removed ${removed} unfinished snippet write(s)`)
    const clock = options.clock ?? (() => new Date())
    const common = { log, now: clock }
    const now = () => clock().toISOString()
    const changed = (kind: SnippetKind) => (ids: SnippetId[]) => options.onChanged?.(kind, ids)

    const templatesFile = await SnippetFile.open({
      ...common,
      path: paths.templates,
      schema: TemplatesDocumentSchema,
      empty: { format: 1, templates: [] },
      what: 'caption templates document',
    })
    const setsFile = await SnippetFile.open({
      ...common,
      path: paths.hashtagSets,
      schema: HashtagSetsDocumentSchema,
      empty: { format: 1, hashtagSets: [] },
      what: 'hashtag sets document',
    })
    const values = await SnippetFile.open({
      ...common,
      path: paths.values,
      schema: TemplateValuesDocumentSchema,
      empty: { format: 1, values: {} },
      what: 'template values document',
    })
    const templates: TemplateList = new SnippetList({
      file: templatesFile,
      items: (document) => document.templates,
      withItems: (items) => ({ format: 1, templates: items }),
      noun: 'template',
      now,
      changed: changed('templates'),
    })
    const hashtagSets: HashtagSetList = new SnippetList({
      file: setsFile,
      items: (document) => document.hashtagSets,
      withItems: (items) => ({ format: 1, hashtagSets: items }),
      noun: 'hashtag set',
      now,
      changed: changed('hashtagSets'),
    })
    return new SnippetStore(templates, hashtagSets, values)
  }

  async createTemplate(draft: TemplateDraft): Promise<CaptionTemplate> {
    return this.templates.create(parse(TemplateDraftSchema, draft, 'The new template'))
  }

  async updateTemplate(id: string, patch: TemplatePatch): Promise<CaptionTemplate> {
    return this.templates.update(id, parse(TemplatePatchSchema, patch, 'The template change'))
  }

  async restoreTemplate(template: CaptionTemplate, index: number): Promise<CaptionTemplate> {
    return this.templates.restore(parse(CaptionTemplateSchema, template, 'The template'), index)
  }

  /** Tags arrive as typed; each becomes `#Tag` once, or the call names the ones that cannot. */
  async createHashtagSet(draft: HashtagSetDraft): Promise<HashtagSet> {
    const { name, tags } = parse(HashtagSetDraftSchema, draft, 'The new hashtag set')
    return this.hashtagSets.create({ name, tags: normalisedTags(tags) })
  }

  async updateHashtagSet(id: string, patch: HashtagSetPatch): Promise<HashtagSet> {
    const { name, tags } = parse(HashtagSetPatchSchema, patch, 'The hashtag set change')
    return this.hashtagSets.update(id, {
      ...(name === undefined ? {} : { name }),
      ...(tags === undefined ? {} : { tags: normalisedTags(tags) }),
    })
  }

  async restoreHashtagSet(hashtagSet: HashtagSet, index: number): Promise<HashtagSet> {
    return this.hashtagSets.restore(parse(HashtagSetSchema, hashtagSet, 'The hashtag set'), index)
  }

  /** The value each variable was last filled with. */
  lastValues(): VariableValues {
    return this.values.value.values
  }

  /**
   * Remembers what the user filled in: a blank value forgets the variable's last value. The
   * most recently used are kept when there are more than `maxRememberedValues`.
   */
  async rememberValues(used: VariableValues): Promise<VariableValues> {
    const checked = parse(VariableValuesSchema, used, 'The template values')
    return this.values.change<VariableValues>((document) => {
      const values = new Map(Object.entries(document.values))
      for (const [name, value] of Object.entries(checked)) {
        values.delete(name)
        if (value.trim() !== '') values.set(name, value)
      }
      const kept = [...values].slice(-maxRememberedValues)
      const next = Object.fromEntries(kept)
      if (JSON.stringify(next) === JSON.stringify(document.values)) {
        return { unchanged: document.values }
      }
      return { next: { format: 1, values: next }, result: (written) => written.values }
    })
  }
}

function normalisedTags(typed: readonly string[]): string[] {
  const { tags, rejected } = normaliseHashtags(typed)
  if (rejected.length > 0) {
    const list = rejected.map((entry) => `"${entry.input}"`).join(', ')
    throw new AppErrorException('validation', `These cannot be hashtags: ${list}.`, {
      rejected: rejected.map(({ input, problem, character }) => ({ input, problem, character })),
    })
  }
  return tags
}

/** Main validates again whatever a caller hands in: the contract is not the only caller. */
function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw invalid('validation', what, parsed.error)
  return parsed.data
}
