import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/EmptyState'
import { LibraryIllustration } from './LibraryIllustration'

export function LibrarySection() {
  const { t } = useTranslation()
  return (
    <EmptyState
      illustration={<LibraryIllustration />}
      title={t('library.emptyTitle')}
      firstStep={t('library.firstStep')}
      note={t('library.privacyNote')}
    >
      <p>{t('library.emptyBody')}</p>
    </EmptyState>
  )
}
