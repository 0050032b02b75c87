import { useCallback, useMemo, useState } from 'react'

export interface GridSelection {
  /** Ids selected and still in the list. */
  selected: ReadonlySet<string>
  /**
   * The same ids in the order they were chosen (a Ctrl/Space toggle adds at the end; a range or
   * Select all adds in grid order), e.g. for a new post's photos.
   */
  order: readonly string[]
  /** The cell keyboard focus is on (aria-activedescendant). */
  activeIndex: number
  moveTo: (index: number, extend: boolean) => void
  click: (index: number, modifiers: { toggle: boolean; range: boolean }) => void
  toggle: (index: number) => void
  selectAll: () => void
  clear: () => void
}

function range(ids: readonly string[], from: number, to: number): string[] {
  return ids.slice(Math.min(from, to), Math.max(from, to) + 1)
}

/**
 * Selection by id, so it survives the list reloading; the active cell falls back to the same
 * position when its photo has gone (after moving it to the trash, the next one is active).
 */
export function useGridSelection(ids: readonly string[]): GridSelection {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set())
  const [active, setActive] = useState<{ id?: string; index: number }>({ index: 0 })
  const [anchor, setAnchor] = useState<string>()

  const indexOf = useMemo(() => new Map(ids.map((id, index) => [id, index])), [ids])
  const selected = useMemo(() => new Set(ids.filter((id) => chosen.has(id))), [ids, chosen])
  // A Set keeps insertion order, and toggling off and on again moves an id to the end.
  const order = useMemo(() => [...chosen].filter((id) => indexOf.has(id)), [chosen, indexOf])
  const found = active.id === undefined ? undefined : indexOf.get(active.id)
  const activeIndex = Math.max(0, Math.min(found ?? active.index, ids.length - 1))
  const anchorIndex = (anchor === undefined ? undefined : indexOf.get(anchor)) ?? activeIndex

  const focus = useCallback((index: number) => setActive({ id: ids[index], index }), [ids])

  const moveTo = useCallback(
    (index: number, extend: boolean) => {
      const target = Math.max(0, Math.min(index, ids.length - 1))
      focus(target)
      if (!extend) return
      setChosen(new Set(range(ids, anchorIndex, target)))
      if (anchor === undefined) setAnchor(ids[anchorIndex])
    },
    [ids, focus, anchor, anchorIndex],
  )

  const toggle = useCallback(
    (index: number) => {
      const id = ids[index]
      if (id === undefined) return
      focus(index)
      setAnchor(id)
      setChosen((previous) => {
        const next = new Set(previous)
        if (next.has(id)) next.delete(id)
        else next.add(id)
        return next
      })
    },
    [ids, focus],
  )

  const click = useCallback(
    (index: number, modifiers: { toggle: boolean; range: boolean }) => {
      if (modifiers.range) {
        focus(index)
        setChosen(new Set(range(ids, anchorIndex, index)))
        return
      }
      if (modifiers.toggle) return toggle(index)
      const id = ids[index]
      focus(index)
      setAnchor(id)
      setChosen(new Set(id === undefined ? [] : [id]))
    },
    [ids, focus, anchorIndex, toggle],
  )

  const selectAll = useCallback(() => setChosen(new Set(ids)), [ids])
  const clear = useCallback(() => setChosen(new Set()), [])

  return { selected, order, activeIndex, moveTo, click, toggle, selectAll, clear }
}
