import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/ApiContext'
import { describeError } from '../../../app/describe-error'
import type { WatermarkLogoControl } from './useWatermarkLogo'

/** What the file picker offers; main checks the bytes themselves, whatever the name says. */
const logoTypes = 'image/png,image/webp,image/jpeg'

/** The current logo (small) or "No logo yet", with Choose and Remove. */
export function LogoChoice({
  control,
  labelId,
}: {
  control: WatermarkLogoControl
  labelId: string
}) {
  const { t } = useTranslation()
  const api = useApi()
  const { logo, busy, error } = control
  return (
    <div className="logo-choice" role="group" aria-labelledby={labelId} aria-busy={busy}>
      {logo?.present ? (
        <figure className="logo-choice__current">
          <img
            className="logo-choice__image"
            src={api.watermarkLogoUrl(logo.version)}
            alt={t('library.export.logoAlt')}
          />
          <figcaption className="export-field__hint">
            {t('library.export.logoSize', { width: logo.width, height: logo.height })}
          </figcaption>
        </figure>
      ) : (
        logo && <p className="logo-choice__none">{t('library.export.logoNone')}</p>
      )}
      <div className="logo-choice__actions">
        <label className="button button--small file-button" aria-disabled={busy}>
          <input
            type="file"
            accept={logoTypes}
            className="visually-hidden"
            disabled={busy}
            onChange={(event) => {
              const file = event.target.files?.[0]
              event.target.value = ''
              if (file) control.choose(file)
            }}
          />
          {t('library.export.logoChoose')}
        </label>
        {logo?.present && (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={control.remove}
          >
            {t('library.export.logoRemove')}
          </button>
        )}
      </div>
      <p role="status" className="export-field__hint">
        {busy ? t('library.export.logoChecking') : ''}
      </p>
      {error !== undefined && (
        <p role="alert" className="alert-box">
          {describeError(error, t)}
        </p>
      )}
      <p className="export-field__hint">{t('library.export.logoHint')}</p>
    </div>
  )
}
