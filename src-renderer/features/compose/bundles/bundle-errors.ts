import type { TFunction } from 'i18next'
import type { AppError } from '../../../../src-shared/errors'
import type { NetworkId } from '../../../../src-shared/platforms/networks'
import { networkName } from '../network-names'

/**
 * Why a network's folder could not be made, in words that say what to do. The codes main uses
 * for bundles (see src-main/publishing/bundles/build-bundle.ts) get their own sentences; any other
 * (a damaged photo, …) reads as the app's usual sentence for that code.
 */
export function describeBundleError(error: AppError, network: NetworkId, t: TFunction): string {
  const name = networkName(network)
  switch (error.code) {
    case 'validation':
      return t('compose.bundles.errors.needsPhoto', { network: name })
    case 'not_found':
      return t('compose.bundles.errors.photoMissing', { network: name })
    case 'forbidden':
      return t('compose.bundles.errors.outsideExports', { network: name })
    case 'internal':
      return t('compose.bundles.errors.diskFailed', { network: name })
    default:
      return t('compose.bundles.errors.other', {
        network: name,
        reason: t(`errors.${error.code}`),
      })
  }
}

/** Why "Show in folder" did nothing. */
export function describeRevealError(
  error: AppError,
  network: NetworkId,
  folder: string,
  t: TFunction,
): string {
  const name = networkName(network)
  if (error.code === 'not_found') return t('compose.bundles.errors.notMade', { network: name })
  if (error.code === 'forbidden')
    return t('compose.bundles.errors.outsideExports', { network: name })
  if (error.code === 'unreachable') return t('compose.bundles.errors.revealFailed', { folder })
  return t(`errors.${error.code}`)
}
