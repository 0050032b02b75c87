import type { SnippetKind } from '../../../../src-shared/snippets/model'
import type { SnippetPlacement } from './usePickerDialog'

/**
 * Where each picker put its text last, for the next time within this session. A template usually
 * goes where the cursor is; hashtags usually go at the end.
 */
const lastPlacements: Record<SnippetKind, SnippetPlacement> = {
  templates: 'cursor',
  hashtagSets: 'append',
}

export function lastPlacement(kind: SnippetKind): SnippetPlacement {
  return lastPlacements[kind]
}

export function rememberPlacement(kind: SnippetKind, placement: SnippetPlacement): void {
  lastPlacements[kind] = placement
}
