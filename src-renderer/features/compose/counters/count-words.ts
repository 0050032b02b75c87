import type { TFunction } from 'i18next'
import type { MeasureCount } from '../../../../src-shared/text/count'
import { networkName } from '../network-names'
import type { NetworkId } from '../../../../src-shared/platforms/networks'

/**
 * The sentence a screen reader reads for one count ("X: 12 over the limit"), and the short
 * visible form of it. Numbers are formatted for the app's language (2.200 / 2,200).
 */
export function countSentence(
  t: TFunction,
  language: string,
  network: NetworkId,
  count: MeasureCount,
): string {
  const values = {
    network: networkName(network),
    count: formatNumber(language, count.over || count.remaining),
  }
  const over = count.over > 0
  if (count.field === 'title')
    return over ? t('compose.counter.titleOver', values) : t('compose.counter.titleLeft', values)
  switch (count.measure) {
    case 'utf8Bytes':
      return over ? t('compose.counter.bytesOver', values) : t('compose.counter.bytesLeft', values)
    case 'hashtags':
      return over
        ? t('compose.counter.hashtagsOver', values)
        : t('compose.counter.hashtagsLeft', values)
    default:
      return over ? t('compose.counter.textOver', values) : t('compose.counter.textLeft', values)
  }
}

/** What the badge shows: room left, or a minus sign and how far over. */
export function countFigure(language: string, count: MeasureCount): string {
  return count.over > 0
    ? `−${formatNumber(language, count.over)}`
    : formatNumber(language, count.remaining)
}

/** Which unit a count is in, for the small label under the figure. */
export function countUnit(t: TFunction, count: MeasureCount): string {
  if (count.field === 'title') return t('compose.counter.unitTitle')
  if (count.measure === 'utf8Bytes') return t('compose.counter.unitBytes')
  if (count.measure === 'hashtags') return t('compose.counter.unitHashtags')
  if (count.measure === 'xWeighted') return t('compose.counter.unitWeighted')
  return t('compose.counter.unitCharacters')
}

// Building an Intl.NumberFormat costs far more than formatting with one: keep one per language.
const formats = new Map<string, Intl.NumberFormat>()

export function formatNumber(language: string, value: number): string {
  let format = formats.get(language)
  if (!format) formats.set(language, (format = new Intl.NumberFormat(language)))
  return format.format(value)
}
