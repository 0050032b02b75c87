import i18next, { type TFunction } from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { problemSentence } from '../../../src-renderer/features/compose/composer/problem-words'
import { de, en } from '../../../src-renderer/i18n/messages'
import type { QueueProblem } from '../../../src-shared/posts/readiness'

describe('Pinterest pinning only the first photo, in words', () => {
  let t: TFunction
  let tDe: TFunction
  beforeAll(async () => {
    const make = async (lng: string) => {
      const instance = i18next.createInstance()
      await instance.init({
        lng,
        showSupportNotice: false,
        resources: { en: { translation: en }, de: { translation: de } },
      })
      return instance.t
    }
    t = await make('en')
    tDe = await make('de')
  })

  const problem = (reason: 'shapes' | 'sizes'): QueueProblem => ({
    kind: 'first_photo_only',
    severity: 'warning',
    network: 'pinterest',
    reason,
    sizes: [
      { width: 1000, height: 1500 },
      { width: 133, height: 200 },
    ],
  })

  it('tells what will happen and what to do, in English and German', () => {
    expect(problemSentence(t, 'en', problem('shapes'))).toBe(
      'Pinterest: the photos have different shapes, so only the first will be pinned. Choose the same crop for all to post a carousel.',
    )
    expect(problemSentence(tDe, 'de', problem('shapes'))).toBe(
      'Pinterest: Die Fotos haben unterschiedliche Formen, deshalb wird nur das erste gepinnt. Wähl für alle denselben Zuschnitt, um ein Karussell zu posten.',
    )
    expect(problemSentence(t, 'en', problem('sizes'))).toBe(
      'Pinterest: the photos come out in different sizes (1,000 × 1,500, 133 × 200 pixels) because some are too small for a full-size pin, so only the first will be pinned. Use larger photos to post a carousel.',
    )
    expect(problemSentence(tDe, 'de', problem('sizes'))).toContain(
      '(1.000 × 1.500, 133 × 200 Pixel)',
    )
  })
})
