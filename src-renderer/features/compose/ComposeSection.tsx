import { useTranslation } from 'react-i18next'
import { sectionHref } from '../../app/sections'
import { EmptyState } from '../../components/EmptyState'
import { ComposeIllustration } from './ComposeIllustration'

export function ComposeSection() {
  const { t } = useTranslation()
  return (
    <EmptyState
      illustration={<ComposeIllustration />}
      title={t('compose.emptyTitle')}
      firstStep={t('compose.firstStep')}
      action={
        <a className="button button--primary" href={sectionHref('library')}>
          {t('compose.goToLibrary')}
        </a>
      }
    >
      <p>{t('compose.emptyBody')}</p>
    </EmptyState>
  )
}
