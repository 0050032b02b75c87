import { useId } from 'react'
import { useTranslation } from 'react-i18next'

interface EditToolbarProps {
  straighten: number
  canUndo: boolean
  canRedo: boolean
  onTurn: (direction: 1 | -1) => void
  onStraighten: (degrees: number, key: string) => void
  onUndo: () => void
  onRedo: () => void
}

const isMac = /Mac|iPhone|iPad/.test(navigator.platform)

/** Turn by quarter turns, straighten by up to ±45° in half degrees, undo and redo. */
export function EditToolbar(props: EditToolbarProps) {
  const { t, i18n } = useTranslation()
  const sliderId = useId()
  const degrees = new Intl.NumberFormat(i18n.language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(props.straighten)
  return (
    <div className="edit-toolbar">
      <div className="edit-toolbar__group">
        <button type="button" className="button button--small" onClick={() => props.onTurn(-1)}>
          <TurnIcon flip />
          {t('library.crop.rotateLeft')}
        </button>
        <button type="button" className="button button--small" onClick={() => props.onTurn(1)}>
          <TurnIcon />
          {t('library.crop.rotateRight')}
        </button>
      </div>
      <div className="edit-toolbar__group straighten">
        <label htmlFor={sliderId} className="straighten__label">
          {t('library.crop.straighten')}
        </label>
        <input
          id={sliderId}
          type="range"
          className="straighten__slider"
          min={-45}
          max={45}
          step={0.5}
          value={props.straighten}
          aria-valuetext={`${degrees}°`}
          onChange={(event) => props.onStraighten(Number(event.target.value), 'straighten')}
        />
        <output htmlFor={sliderId} className="straighten__value">
          {degrees}°
        </output>
        <button
          type="button"
          className="button button--small button--quiet"
          aria-label={t('library.crop.straightenResetLabel')}
          disabled={props.straighten === 0}
          onClick={() => props.onStraighten(0, 'straighten-reset')}
        >
          {t('library.crop.straightenReset')}
        </button>
      </div>
      <div className="edit-toolbar__group edit-toolbar__history">
        <button
          type="button"
          className="button button--small"
          disabled={!props.canUndo}
          aria-keyshortcuts={isMac ? 'Meta+Z' : 'Control+Z'}
          onClick={props.onUndo}
        >
          {t('library.crop.undo')}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={!props.canRedo}
          aria-keyshortcuts={isMac ? 'Meta+Shift+Z' : 'Control+Shift+Z Control+Y'}
          onClick={props.onRedo}
        >
          {t('library.crop.redo')}
        </button>
      </div>
    </div>
  )
}

function TurnIcon({ flip = false }: { flip?: boolean }) {
  return (
    <svg
      className={`button__icon${flip ? ' button__icon--flip' : ''}`}
      viewBox="0 0 20 20"
      width="18"
      height="18"
      aria-hidden="true"
    >
      <path d="M15.5 10a5.5 5.5 0 1 1-2-4.25 M15.5 3v3.5H12" />
    </svg>
  )
}
