import { useTranslation } from 'react-i18next'
import type { NetworkId } from '../../../../src-shared/platforms/networks'
import { ApiError } from '../../../api/client'
import { useApi } from '../../../api/ApiContext'
import { useToast } from '../../../components/Toast'
import { describeRevealError } from '../../compose/bundles/bundle-errors'
import { networkName } from '../../compose/network-names'

/** "Copy caption" and "Show in folder" for one bundle, as the composer's bundle cards do them. */
export function useBundleActions(
  postId: string,
  network: NetworkId,
): { copyCaption: (caption: string) => void; reveal: (folder: string) => void } {
  const { t } = useTranslation()
  const api = useApi()
  const toast = useToast()
  const name = networkName(network)
  return {
    copyCaption: (caption) => {
      // The renderer's own clipboard: the text is exactly caption.txt's (see BundleCard).
      navigator.clipboard.writeText(caption).then(
        () => toast({ message: t('compose.bundles.copied', { network: name }) }),
        () => toast({ message: t('compose.bundles.copyFailed') }),
      )
    },
    reveal: (folder) => {
      api.call('bundles.reveal', { postId, network }).catch((error: unknown) => {
        const appError =
          error instanceof ApiError ? error.error : { code: 'internal' as const, message: '' }
        toast({ message: describeRevealError(appError, network, folder, t) })
      })
    },
  }
}
