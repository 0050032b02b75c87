import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../../src-main/library/cache-key'
import { KeyedLock } from '../../../../src-main/library/concurrency'
import { LibraryLayout } from '../../../../src-main/library/library-layout'
import { storedName } from '../../../../src-main/library/records'

describe('library helpers', () => {
  it('sort object keys at every depth but keep array order', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }, 3], a: undefined, e: null })).toBe(
      '{"b":[{"c":2,"d":1},3],"e":null}',
    )
  })

  it('keep only the last segment of a name, without control characters', () => {
    expect(storedName('../../etc/passwd')).toBe('passwd')
    expect(storedName('C:\\Users\\me\\Vase 1.JPG')).toBe('Vase 1.JPG')
    expect(storedName('tab\there\u0000.jpg')).toBe('tabhere.jpg')
  })

  it('run tasks for one key one after another, other keys alongside', async () => {
    const lock = new KeyedLock()
    const order: string[] = []
    const step = (name: string, ms: number) => async (): Promise<void> => {
      order.push(`${name} start`)
      await new Promise((resolve) => setTimeout(resolve, ms))
      order.push(`${name} end`)
    }
    await Promise.all([
      lock.run('a', step('a1', 20)),
      lock.run('a', step('a2', 0)),
      lock.run('b', step('b1', 5)),
    ])
    expect(order.indexOf('a2 start')).toBeGreaterThan(order.indexOf('a1 end'))
    expect(order.indexOf('b1 end')).toBeLessThan(order.indexOf('a1 end'))
  })

  it('build paths only from checked parts', () => {
    const layout = new LibraryLayout('/lib')
    const id = 'ab'.repeat(32)
    expect(layout.originalPath(id, 'jpeg')).toBe(`/lib/originals/ab/${id}.jpg`)
    expect(layout.originalPath(id, 'tiff', true)).toBe(`/lib/trash/originals/ab/${id}.tiff`)
    expect(layout.sidecarPath(id, true)).toBe(`/lib/trash/photos/${id}.json`)
    expect(() => layout.sidecarPath('../../x')).toThrow()
    expect(() => layout.renderPath('ab'.repeat(32), '../x')).toThrow()
  })
})
