import { useCallback, useEffect, useRef, useState } from 'react'
import type { EventPayload } from '../../../../src-shared/contract'
import type { NetworkId } from '../../../../src-shared/platforms/networks'
import type { PostId } from '../../../../src-shared/posts/model'
import { useApi } from '../../../api/ApiContext'

export type BundleJob = EventPayload<'bundles.progress'>

/**
 * Starts a `bundles.create` job and follows its `bundles.progress` events. Listening starts
 * before the call, because main reports the first step before the call has returned the job id.
 */
export function useBundleJob(postId: PostId): {
  job: BundleJob | undefined
  /** The call itself failed (the post is gone, main is unreachable). */
  startError: unknown
  start: (networks: readonly NetworkId[]) => void
  cancel: () => void
} {
  const api = useApi()
  const [job, setJob] = useState<BundleJob>()
  const [startError, setStartError] = useState<unknown>()
  const stopListening = useRef<() => void>(undefined)
  const jobId = useRef<string>(undefined)

  useEffect(() => () => stopListening.current?.(), [])

  const start = useCallback(
    (networks: readonly NetworkId[]) => {
      stopListening.current?.()
      setStartError(undefined)
      jobId.current = undefined
      const early: BundleJob[] = []
      const deliver = (event: BundleJob): void => {
        if (event.jobId !== jobId.current) return
        setJob(event)
        if (event.state !== 'running') stopListening.current?.()
      }
      stopListening.current = api.on('bundles.progress', (event) => {
        if (event.postId !== postId) return
        if (jobId.current === undefined) early.push(event)
        else deliver(event)
      })
      api.call('bundles.create', { postId, networks: [...networks] }).then(
        (answer) => {
          jobId.current = answer.jobId
          for (const event of early.splice(0)) deliver(event)
        },
        (error: unknown) => {
          stopListening.current?.()
          setStartError(error)
        },
      )
    },
    [api, postId],
  )

  const cancel = useCallback(() => {
    if (jobId.current) void api.call('jobs.cancel', { jobId: jobId.current }).catch(() => undefined)
  }, [api])

  return { job, startError, start, cancel }
}
