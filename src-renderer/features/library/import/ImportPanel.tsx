import { memo, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportRow, ImportSummary } from './import-state'
import './import.css'

interface ImportPanelProps {
  rows: readonly ImportRow[]
  summary: ImportSummary
  onDismiss: () => void
}

/**
 * Progress of everything being imported: one bar for the whole batch and a row per file with
 * its result. When the batch is done a live region says how it went, and the panel can be closed.
 */
export function ImportPanel({ rows, summary, onDismiss }: ImportPanelProps) {
  const { t } = useTranslation()
  const titleId = useId()
  const listId = useId()
  const [open, setOpen] = useState(true)
  if (summary.total === 0 && rows.length === 0) return null
  const counts = { count: summary.total, done: summary.finished }
  return (
    <section className="import-panel" aria-labelledby={titleId}>
      <div className="import-panel__head">
        <h2 id={titleId} className="import-panel__title">
          {summary.running ? t('library.import.titleRunning') : t('library.import.titleDone')}
        </h2>
        <div className="import-panel__actions">
          <button
            type="button"
            className="button button--small button--quiet import-panel__toggle"
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => setOpen(!open)}
          >
            {t('library.import.showFiles')}
          </button>
          {!summary.running && (
            <button type="button" className="button button--small" onClick={onDismiss}>
              {t('library.import.dismiss')}
            </button>
          )}
        </div>
      </div>
      <progress
        className="progress"
        max={Math.max(summary.total, 1)}
        value={summary.finished}
        aria-label={t('library.import.overall')}
        aria-valuetext={t('library.import.filesDone', counts)}
      />
      <p className="import-panel__count">{t('library.import.filesDone', counts)}</p>
      <p role="status" className="import-panel__summary">
        {summary.running ? '' : <Summary summary={summary} />}
      </p>
      <ol
        id={listId}
        className="import-list"
        hidden={!open}
        tabIndex={0}
        aria-label={t('library.import.files')}
      >
        {rows.map((row) => (
          <Row key={row.key} row={row} />
        ))}
      </ol>
    </section>
  )
}

function Summary({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation()
  const parts = [
    summary.imported > 0
      ? t('library.import.summaryAdded', { count: summary.imported })
      : t('library.import.summaryNone'),
  ]
  if (summary.duplicate > 0)
    parts.push(t('library.import.summaryDuplicate', { count: summary.duplicate }))
  if (summary.restored > 0)
    parts.push(t('library.import.summaryRestored', { count: summary.restored }))
  if (summary.failed > 0) parts.push(t('library.import.summaryFailed', { count: summary.failed }))
  return <>{parts.join(' ')}</>
}

const Row = memo(function Row({ row }: { row: ImportRow }) {
  const { t } = useTranslation()
  const busy = row.state === 'waiting' || row.state === 'sending'
  return (
    <li className={`import-row import-row--${row.state}`}>
      <span className="import-row__name">{row.name}</span>
      {busy && (
        <progress
          className="progress progress--small"
          max={1}
          value={row.progress}
          aria-label={t('library.import.fileProgress', { name: row.name })}
        />
      )}
      <span className="import-row__result">
        {row.state === 'waiting' && t('library.import.waiting')}
        {row.state === 'sending' && t('library.import.sending')}
        {row.state === 'done' && row.outcome && t(`library.import.outcome.${row.outcome}`)}
        {row.state === 'failed' && row.error && t(`errors.${row.error.code}`)}
      </span>
    </li>
  )
})
