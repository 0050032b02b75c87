import { memo, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MeasureCount, TextCount } from '../../../../src-shared/text/count'
import type { NetworkId } from '../../../../src-shared/platforms/networks'
import { networkName } from '../network-names'
import { countFigure, countSentence, countUnit } from './count-words'
import './counters.css'

/** Room left below this share of the limit turns the counter amber. */
const nearShare = 0.1
/** The polite announcement waits for typing to settle, so a screen reader is not flooded. */
const announceDelayMs = 1000

function tone(count: MeasureCount): 'ok' | 'near' | 'over' | 'soft-over' {
  if (count.over > 0) return count.hard ? 'over' : 'soft-over'
  return count.remaining < count.limit * nearShare ? 'near' : 'ok'
}

/**
 * One counter per target network, each counted the way that network counts. Every figure carries
 * its sentence for screen readers ("X: 12 over the limit"); going over a limit (or back under)
 * is announced once typing pauses.
 */
export const Counters = memo(function Counters({
  counts,
  id,
}: {
  counts: readonly TextCount[]
  id?: string
}) {
  const { t } = useTranslation()
  if (counts.length === 0) return null
  return (
    <>
      <ul className="counters" id={id} aria-label={t('compose.counter.title')}>
        {counts.map((count) => (
          <li key={count.network} className="counter" data-network={count.network}>
            <span className="counter__network" aria-hidden="true">
              {networkName(count.network)}
            </span>
            {count.counts.map((measure) => (
              <CounterFigure
                key={`${measure.field}-${measure.measure}`}
                network={count.network}
                count={measure}
              />
            ))}
          </li>
        ))}
      </ul>
      <OverLimitAnnouncer counts={counts} />
    </>
  )
})

/**
 * One figure with its sentence. Counts are new objects on every keystroke, so it compares them by
 * value: a figure the key did not change (a hashtag count, a Pinterest title) is not rendered again.
 */
const CounterFigure = memo(
  function CounterFigure({ network, count }: { network: NetworkId; count: MeasureCount }) {
    const { t, i18n } = useTranslation()
    return (
      <span
        className={`counter__figure counter__figure--${tone(count)}`}
        data-testid={`counter-${network}-${count.field}-${count.measure}`}
      >
        <span aria-hidden="true">
          <strong>{countFigure(i18n.language, count)}</strong> <small>{countUnit(t, count)}</small>
        </span>
        <span className="visually-hidden">{countSentence(t, i18n.language, network, count)}</span>
      </span>
    )
  },
  (before, after) =>
    before.network === after.network &&
    (Object.keys(after.count) as (keyof MeasureCount)[]).every(
      (name) => before.count[name] === after.count[name],
    ),
)

function OverLimitAnnouncer({ counts }: { counts: readonly TextCount[] }) {
  const { t, i18n } = useTranslation()
  const [message, setMessage] = useState('')
  const over = counts
    .flatMap((count) =>
      count.counts
        .filter((measure) => measure.over > 0)
        .map((measure) => countSentence(t, i18n.language, count.network, measure)),
    )
    .join('. ')
  useEffect(() => {
    const timer = setTimeout(() => {
      setMessage((previous) => {
        if (over) return over
        return previous ? t('compose.counter.allWithin') : ''
      })
    }, announceDelayMs)
    return () => clearTimeout(timer)
  }, [over, t])
  return (
    <p className="visually-hidden" role="status" aria-live="polite">
      {message}
    </p>
  )
}
