import { useRef, type PointerEvent, type RefObject } from 'react'
import type { NormalizedRect, Point } from '../../../../src-shared/photos/model'
import { moveCrop, type Corner } from './crop-math'

type Drag =
  | { kind: 'focal'; key: string }
  | { kind: 'move'; key: string; start: NormalizedRect; from: Point }
  | { kind: 'resize'; key: string; start: NormalizedRect; corner: Corner }

interface DragHandlers {
  crop: NormalizedRect | undefined
  onFocal: (point: Point, key: string) => void
  onMove: (rect: NormalizedRect, key: string) => void
  onResize: (start: NormalizedRect, corner: Corner, point: Point, key: string) => void
  onBackground: (point: Point, key: string) => NormalizedRect | undefined
}

let dragCount = 0

/**
 * Pointer dragging on the big image, in 0..1 image units. The stage captures the pointer, so a
 * drag that leaves the image keeps going; one drag is one undo step.
 */
export function useStageDrag(stage: RefObject<HTMLElement | null>, handlers: DragHandlers) {
  const drag = useRef<Drag | null>(null)

  const toPoint = (event: PointerEvent): Point => {
    const box = stage.current?.getBoundingClientRect()
    if (!box || box.width === 0) return { x: 0.5, y: 0.5 }
    const clamp = (value: number): number => Math.min(1, Math.max(0, value))
    return {
      x: clamp((event.clientX - box.left) / box.width),
      y: clamp((event.clientY - box.top) / box.height),
    }
  }

  const begin = (event: PointerEvent, next: Drag): void => {
    if (event.button !== 0) return
    event.preventDefault()
    event.stopPropagation()
    stage.current?.setPointerCapture(event.pointerId)
    drag.current = next
    // Focus follows the pointer, so the arrow keys continue what the mouse started.
    if (event.currentTarget instanceof HTMLElement && event.currentTarget.tabIndex >= 0) {
      event.currentTarget.focus({ preventScroll: true })
    }
  }

  const key = (): string => `drag-${++dragCount}`

  return {
    grabFocal: (event: PointerEvent) => begin(event, { kind: 'focal', key: key() }),
    grabCrop: (event: PointerEvent, corner?: Corner) => {
      const start = handlers.crop
      if (!start) return
      begin(
        event,
        corner
          ? { kind: 'resize', key: key(), start, corner }
          : { kind: 'move', key: key(), start, from: toPoint(event) },
      )
    },
    onPointerDown: (event: PointerEvent) => {
      if (event.button !== 0) return
      const point = toPoint(event)
      const dragKey = key()
      const rect = handlers.onBackground(point, dragKey)
      begin(
        event,
        rect
          ? { kind: 'move', key: dragKey, start: rect, from: point }
          : { kind: 'focal', key: dragKey },
      )
    },
    onPointerMove: (event: PointerEvent) => {
      const current = drag.current
      if (!current) return
      const point = toPoint(event)
      if (current.kind === 'focal') handlers.onFocal(point, current.key)
      else if (current.kind === 'move')
        handlers.onMove(
          moveCrop(current.start, point.x - current.from.x, point.y - current.from.y),
          current.key,
        )
      else handlers.onResize(current.start, current.corner, point, current.key)
    },
    onPointerUp: () => {
      drag.current = null
    },
  }
}
