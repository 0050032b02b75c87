import { useMemo } from 'react'
import type { NetworkId } from '../../../../src-shared/platforms/networks'
import type { PostDocument } from '../../../../src-shared/posts/model'
import type { NetworkContexts } from '../../../../src-shared/posts/readiness'
import { postTextFor } from '../../../../src-shared/posts/variant-text'
import { countText, type TextCount } from '../../../../src-shared/text/count'

type Counted = Pick<PostDocument, 'caption' | 'variants' | 'targets'>

/** Every target's counts, recomputed only when a text the counts depend on changed. */
export function useTextCounts(post: Counted, contexts: NetworkContexts): TextCount[] {
  const { caption, variants, targets } = post
  return useMemo(
    () =>
      targets.map((network: NetworkId) =>
        countText(network, postTextFor({ caption, variants }, network), contexts[network]),
      ),
    [caption, variants, targets, contexts],
  )
}
