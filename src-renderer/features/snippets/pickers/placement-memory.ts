import type { SnippetPlacement } from './usePickerDialog'

export type PickerKind = 'template' | 'hashtags'

/**
 * Where each picker put its text last, for the next time within this session. A template usually
 * goes where the cursor is; hashtags usually go at the end.
 */
const lastPlacements: Record<PickerKind, SnippetPlacement> = {
  template: 'cursor',
  hashtags: 'append',
}

export function lastPlacement(kind: PickerKind): SnippetPlacement {
  return lastPlacements[kind]
}

export function rememberPlacement(kind: PickerKind, placement: SnippetPlacement): void {
  lastPlacements[kind] = placement
}
