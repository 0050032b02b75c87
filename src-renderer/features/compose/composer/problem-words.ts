import type { TFunction } from 'i18next'
import type { QueueProblem } from '../../../../src-shared/posts/readiness'
import { networkName } from '../network-names'

/** One plain sentence per problem that names the network and by how much, and what to do. */
export function problemSentence(t: TFunction, language: string, problem: QueueProblem): string {
  const number = (value: number): string => new Intl.NumberFormat(language).format(value)
  switch (problem.kind) {
    case 'no_targets':
      return t('compose.queue.problems.noTargets')
    case 'over_limit': {
      const values = { network: networkName(problem.network), number: number(problem.over) }
      if (problem.field === 'title') return t('compose.queue.problems.titleOver', values)
      if (problem.measure === 'utf8Bytes') return t('compose.queue.problems.bytesOver', values)
      if (problem.measure === 'hashtags') return t('compose.queue.problems.hashtagsOver', values)
      return t('compose.queue.problems.textOver', values)
    }
    case 'needs_photo':
      return t('compose.queue.problems.needsPhoto', { network: networkName(problem.network) })
    case 'too_many_photos':
      return t('compose.queue.problems.tooManyPhotos', {
        network: networkName(problem.network),
        number: problem.max,
      })
    case 'alt_text_over_limit':
      return t('compose.queue.problems.altOver', {
        network: networkName(problem.network),
        number: number(problem.over),
        position: problem.photoIndex + 1,
      })
    case 'missing_alt_text':
      return t('compose.queue.problems.altMissing', {
        positions: problem.photoIndexes.map((index) => index + 1).join(', '),
      })
    case 'first_photo_only': {
      const network = networkName(problem.network)
      if (problem.reason === 'shapes')
        return t('compose.queue.problems.firstPhotoOnlyShapes', { network })
      const sizes = problem.sizes
        .map((size) => `${number(size.width)} × ${number(size.height)}`)
        .join(', ')
      return t('compose.queue.problems.firstPhotoOnlySizes', { network, sizes })
    }
  }
}
