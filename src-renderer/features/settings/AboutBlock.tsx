import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppInfo, HostKind } from '../../../src-shared/contract'
import { describeError } from '../../app/describe-error'
import { useAppInfo } from './useAppInfo'

const hostLabels = {
  electron: 'settings.hostElectron',
  browser: 'settings.hostBrowser',
} as const satisfies Record<HostKind, string>

export function AboutBlock() {
  const { t } = useTranslation()
  const headingId = useId()
  const load = useAppInfo()
  return (
    <section
      className="card about"
      aria-labelledby={headingId}
      aria-busy={load.status === 'loading'}
    >
      <h2 id={headingId}>{t('settings.aboutTitle')}</h2>
      {load.status === 'loading' && <p className="field__hint">{t('settings.aboutLoading')}</p>}
      {load.status === 'failed' && (
        <>
          <p role="alert" className="alert-box">
            {t('settings.aboutFailed', { reason: describeError(load.error, t) })}
          </p>
          <button type="button" className="button" onClick={load.retry}>
            {t('settings.retry')}
          </button>
        </>
      )}
      {load.status === 'ready' && <AboutFacts info={load.info} />}
    </section>
  )
}

function AboutFacts({ info }: { info: AppInfo }) {
  const { t } = useTranslation()
  return (
    <dl className="about__facts">
      <div>
        <dt>{t('settings.version')}</dt>
        <dd>{info.version}</dd>
      </div>
      <div>
        <dt>{t('settings.host')}</dt>
        <dd>{t(hostLabels[info.host])}</dd>
      </div>
      <div>
        <dt>{t('settings.libraryFolder')}</dt>
        <dd>
          <code className="path">{info.libraryPath}</code>
          <p className="field__hint">{t('settings.libraryFolderNote')}</p>
        </dd>
      </div>
    </dl>
  )
}
