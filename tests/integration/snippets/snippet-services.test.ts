import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EventName } from '../../../src-shared/contract'
import type { CaptionTemplate, HashtagSet } from '../../../src-shared/snippets/model'
import { useRealServices } from '../../support/host'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
const { start } = useRealServices(tempDir)

function value<T>(result: { ok: boolean; value?: unknown }): T {
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result)}`)
  return result.value as T
}

describe('snippets through the real services', () => {
  it('answers every snippet channel, announces changes, and keeps them across a restart', async () => {
    const dir = tempDir()
    const running = await start(dir)
    const seen: { event: EventName; payload: unknown }[] = []
    const stop = running.events.subscribe((event, payload) => seen.push({ event, payload }))

    const template = value<CaptionTemplate>(
      await running.dispatch('templates.create', {
        name: 'Neues Produkt',
        text: 'Neu: {product} für {price}. {shop_link}',
      }),
    )
    const set = value<HashtagSet>(
      await running.dispatch('hashtagSets.create', {
        name: 'Ring-Hashtags',
        tags: ['Goldschmiede', '#Ring', '#RING'],
      }),
    )
    expect(set.tags).toEqual(['#Goldschmiede', '#Ring'])
    const other = value<HashtagSet>(
      await running.dispatch('hashtagSets.create', { name: 'Keramik', tags: ['#Töpfern'] }),
    )
    expect(
      value<HashtagSet[]>(await running.dispatch('hashtagSets.move', { id: other.id, to: 0 })).map(
        (entry) => entry.name,
      ),
    ).toEqual(['Keramik', 'Ring-Hashtags'])

    const edited = value<CaptionTemplate>(
      await running.dispatch('templates.update', { id: template.id, text: '{product}!' }),
    )
    expect(edited).toMatchObject({ id: template.id, name: 'Neues Produkt', text: '{product}!' })

    const deleted = value<{ template: CaptionTemplate; index: number }>(
      await running.dispatch('templates.delete', { id: template.id }),
    )
    expect(deleted).toEqual({ template: edited, index: 0 })
    expect(value(await running.dispatch('templates.list', undefined))).toEqual([])
    expect(value(await running.dispatch('templates.restore', deleted))).toEqual(edited)

    expect(
      value(await running.dispatch('templates.rememberValues', { product: 'Ring', price: '' })),
    ).toEqual({ product: 'Ring' })
    expect(value(await running.dispatch('templates.lastValues', undefined))).toEqual({
      product: 'Ring',
    })

    // Bad calls are typed errors, not crashes.
    expect(
      await running.dispatch('hashtagSets.create', { name: 'x', tags: ['gold-silber'] }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(
      await running.dispatch('templates.update', { id: template.id, colour: 1 }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(await running.dispatch('templates.delete', { id: '0'.repeat(32) })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    stop()

    const changes = seen
      .filter((entry) => entry.event === 'snippets.changed')
      .map((entry) => entry.payload)
    expect(changes).toEqual([
      { kind: 'templates', ids: [template.id] },
      { kind: 'hashtagSets', ids: [set.id] },
      { kind: 'hashtagSets', ids: [other.id] },
      { kind: 'hashtagSets', ids: [other.id] },
      { kind: 'templates', ids: [template.id] },
      { kind: 'templates', ids: [template.id] },
      { kind: 'templates', ids: [template.id] },
    ])
    const file = join(running.libraryPath(), 'snippets', 'hashtag-sets.json')
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      format: 1,
      hashtagSets: [{ name: 'Keramik' }, { name: 'Ring-Hashtags' }],
    })

    // A second start on the same folder reads what the first wrote (as after a restart).
    const library = running.libraryPath()
    const again = await start(dir)
    expect(again.libraryPath()).toBe(library)
    expect(value(await again.dispatch('templates.list', undefined))).toEqual([edited])
    expect(
      value<HashtagSet[]>(await again.dispatch('hashtagSets.list', undefined)).map((s) => s.id),
    ).toEqual([other.id, set.id])
  })
})
