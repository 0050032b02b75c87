import { useWindowVirtualizer } from '@tanstack/react-virtual'
import {
  useCallback,
  useEffect,
  useId,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
} from 'react'
import type { PhotoRecord } from '../../../../src-shared/photos/model'
import { GridCell } from './GridCell'
import { targetIndex } from './grid-keys'
import type { GridSelection } from './useGridSelection'
import { useGridGeometry } from './useGridGeometry'
import './grid.css'

const minCellPx = 150
const gapPx = 12

interface PhotoGridProps {
  photos: readonly PhotoRecord[]
  selection: GridSelection
  label: string
  describedBy?: string
  gridRef: RefObject<HTMLDivElement | null>
  onOpen?: (index: number) => void
  onDelete?: () => void
}

/**
 * The photos as rows of square thumbnails, only the rows near the screen in the page (so 2 000
 * photos scroll as smoothly as 20). One tab stop: the grid keeps focus and points at the active
 * cell with aria-activedescendant; arrows move, Space selects, Enter opens, Delete trashes.
 */
export function PhotoGrid(props: PhotoGridProps) {
  const { photos, selection, gridRef, onOpen, onDelete } = props
  const idPrefix = useId()
  const { width, top } = useGridGeometry(gridRef)
  const columns = Math.max(2, Math.floor((width + gapPx) / (minCellPx + gapPx)))
  const cellSize = width > 0 ? (width - gapPx * (columns - 1)) / columns : minCellPx
  const rowCount = Math.ceil(photos.length / columns)

  const virtualizer = useWindowVirtualizer({
    count: rowCount,
    estimateSize: () => cellSize + gapPx,
    overscan: 3,
    scrollMargin: top,
    // Let React batch scroll updates instead of rendering synchronously inside the scroll event.
    useFlushSync: false,
  })
  useEffect(() => {
    virtualizer.measure()
  }, [virtualizer, cellSize, columns])

  const cellId = (index: number): string => `${idPrefix}cell-${index}`
  const activeRow = Math.floor(selection.activeIndex / columns)
  const rows = virtualizer.getVirtualItems()
  const activeRendered = photos.length > 0 && rows.some((row) => row.index === activeRow)

  const onPointerSelect = useCallback(
    (index: number, event: MouseEvent) =>
      selection.click(index, { toggle: event.ctrlKey || event.metaKey, range: event.shiftKey }),
    [selection],
  )
  const open = useCallback((index: number) => onOpen?.(index), [onOpen])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = selection.activeIndex
    const command = event.ctrlKey || event.metaKey
    if (event.key === ' ' || (event.key === 'Enter' && !onOpen)) {
      selection.toggle(index)
    } else if (event.key === 'Enter') {
      onOpen?.(index)
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && onDelete) {
      onDelete()
    } else if (command && event.key.toLowerCase() === 'a') {
      selection.selectAll()
    } else if (event.key === 'Escape' && selection.selected.size > 0) {
      selection.clear()
    } else {
      const pageRows = Math.max(1, Math.floor(window.innerHeight / (cellSize + gapPx)) - 1)
      const target = targetIndex(event.key, index, photos.length, columns, pageRows, command)
      if (target === undefined) return
      selection.moveTo(target, event.shiftKey)
      virtualizer.scrollToIndex(Math.floor(target / columns), { align: 'auto' })
    }
    event.preventDefault()
  }

  const gridStyle = {
    height: virtualizer.getTotalSize(),
    '--columns': columns,
    '--gap': `${gapPx}px`,
  } as CSSProperties

  return (
    <div
      ref={gridRef}
      role="grid"
      tabIndex={0}
      className="photo-grid"
      aria-label={props.label}
      aria-describedby={props.describedBy}
      aria-multiselectable="true"
      aria-rowcount={rowCount}
      aria-colcount={columns}
      aria-activedescendant={activeRendered ? cellId(selection.activeIndex) : undefined}
      onKeyDown={onKeyDown}
      style={gridStyle}
    >
      {rows.map((row) => (
        <div
          key={row.key}
          role="row"
          aria-rowindex={row.index + 1}
          className="photo-grid__row"
          style={{ height: cellSize, transform: `translateY(${row.start - top}px)` }}
        >
          {photos.slice(row.index * columns, (row.index + 1) * columns).map((photo, column) => {
            const index = row.index * columns + column
            return (
              <GridCell
                key={photo.id}
                photo={photo}
                index={index}
                cellId={cellId(index)}
                column={column}
                selected={selection.selected.has(photo.id)}
                active={index === selection.activeIndex}
                onPointerSelect={onPointerSelect}
                onOpen={open}
              />
            )
          })}
        </div>
      ))}
    </div>
  )
}
