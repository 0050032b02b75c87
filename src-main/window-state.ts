import { z } from 'zod'

export const WindowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean(),
})
export type WindowState = z.infer<typeof WindowStateSchema>

export interface Rectangle {
  x: number
  y: number
  width: number
  height: number
}

export const windowStateKey = 'window'
export const defaultWindowSize = { width: 1280, height: 820 }

/**
 * Where to reopen the window: the saved bounds if at least a grabbable strip of the title bar is
 * on a screen that exists now (a monitor may have been unplugged), otherwise centred by the OS.
 */
export function restorableBounds(
  saved: WindowState | undefined,
  displays: readonly Rectangle[],
): Partial<Rectangle> & { width: number; height: number } {
  if (!saved) return { ...defaultWindowSize }
  const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: 40 }
  const visible = displays.some((display) => overlap(titleBar, display) >= 100 * 20)
  return visible
    ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height }
    : { width: saved.width, height: saved.height }
}

function overlap(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}
