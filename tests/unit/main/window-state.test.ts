import { describe, expect, it } from 'vitest'
import { defaultWindowSize, restorableBounds } from '../../../src-main/window-state'

const laptop = { x: 0, y: 0, width: 1440, height: 900 }

describe('restorableBounds', () => {
  it('opens at the default size the first time', () => {
    expect(restorableBounds(undefined, [laptop])).toEqual(defaultWindowSize)
  })

  it('reopens where the window was', () => {
    const saved = { x: 100, y: 80, width: 1000, height: 700, maximized: false }
    expect(restorableBounds(saved, [laptop])).toEqual({ x: 100, y: 80, width: 1000, height: 700 })
  })

  it('keeps the size but lets the OS place it when its screen is gone', () => {
    const onUnpluggedMonitor = { x: 2000, y: 100, width: 1000, height: 700, maximized: false }
    expect(restorableBounds(onUnpluggedMonitor, [laptop])).toEqual({ width: 1000, height: 700 })
  })
})
