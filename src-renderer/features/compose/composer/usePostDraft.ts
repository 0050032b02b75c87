import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppError } from '../../../../src-shared/errors'
import type { PostDocument, PostId, PostPatch } from '../../../../src-shared/posts/model'
import { useApi } from '../../../api/ApiContext'
import { ApiError } from '../../../api/client'

/** Typing pauses shorter than this are one edit; the issue asks for a save within a second. */
export const autosaveDelayMs = 600

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed'

function applyPatch(post: PostDocument, patch: PostPatch): PostDocument {
  const { scheduledAt, ...rest } = patch
  const next = { ...post, ...rest } as PostDocument
  if (scheduledAt === null) delete next.scheduledAt
  else if (scheduledAt !== undefined) next.scheduledAt = scheduledAt
  return next
}

/** Runs `run` in a task after the browser has painted its next frame. */
function afterNextPaint(run: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      run()
    }
    channel.port2.postMessage(null)
  })
}

/**
 * One post being edited. Changes show at once and are saved to the library 0.6 s after the last
 * one, and immediately when the composer closes, the page is hidden or the window is closed.
 * Saves run one at a time in order; a failed save keeps its changes and is retried by the next.
 */
export function usePostDraft(id: PostId) {
  const api = useApi()
  const [post, setPost] = useState<PostDocument>()
  const [loadError, setLoadError] = useState<AppError>()
  const [saveState, setSaveState] = useState<SaveState>('saved')
  const [saveError, setSaveError] = useState<AppError>()
  const pending = useRef<PostPatch | undefined>(undefined)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const chain = useRef<Promise<void>>(Promise.resolve())
  const latest = useRef<PostDocument | undefined>(undefined)
  const show = useCallback((next: PostDocument): void => {
    latest.current = next
    setPost(next)
  }, [])

  const load = useCallback(() => {
    api.call('posts.get', { id }).then(show, (error: unknown) => {
      setLoadError(
        error instanceof ApiError ? error.error : { code: 'internal', message: String(error) },
      )
    })
  }, [api, id, show])

  useEffect(load, [load])

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current)
    timer.current = undefined
    chain.current = chain.current.then(async () => {
      const patch = pending.current
      if (!patch) return
      pending.current = undefined
      setSaveState('saving')
      try {
        await api.call('posts.update', { id, ...patch })
        setSaveError(undefined)
        setSaveState(pending.current ? 'unsaved' : 'saved')
      } catch (error) {
        // Keep what failed, under anything typed since, so the next save sends both.
        pending.current = { ...patch, ...(pending.current ?? {}) }
        setSaveError(
          error instanceof ApiError ? error.error : { code: 'internal', message: String(error) },
        )
        setSaveState('failed')
      }
    })
    return chain.current
  }, [api, id])

  /** Takes a change into the document and the next save; the caller decides when React shows it. */
  const record = useCallback(
    (patchOrUpdate: PostPatch | ((current: PostDocument) => PostPatch)): boolean => {
      const current = latest.current
      if (!current) return false
      // A function sees every earlier change, even those React has not rendered yet.
      const patch = typeof patchOrUpdate === 'function' ? patchOrUpdate(current) : patchOrUpdate
      latest.current = applyPatch(current, patch)
      pending.current = { ...pending.current, ...patch }
      clearTimeout(timer.current)
      timer.current = setTimeout(() => void flush(), autosaveDelayMs)
      return true
    },
    [flush],
  )

  const change = useCallback(
    (patchOrUpdate: PostPatch | ((current: PostDocument) => PostPatch)): void => {
      if (!record(patchOrUpdate)) return
      setPost(latest.current)
      setSaveState('unsaved')
    },
    [record],
  )

  // Keys pressed before the frame that shows them are rendered together, once, after that frame.
  const renderAfterPaint = useRef<() => void>(undefined)
  /**
   * A change made by typing. The editor has already drawn the key; everything React shows from
   * the caption (counters, tabs, title, save state) follows right after the browser has painted
   * it, so a keystroke never waits for the rest of the composer (bench:editor). The document and
   * the next save have the text at once, so a save on close never loses the last key.
   */
  const type = useCallback(
    (patchOrUpdate: PostPatch | ((current: PostDocument) => PostPatch)): void => {
      if (!record(patchOrUpdate) || renderAfterPaint.current) return
      const render = (): void => {
        if (renderAfterPaint.current !== render) return // The composer closed meanwhile.
        renderAfterPaint.current = undefined
        setPost(latest.current)
        setSaveState('unsaved')
      }
      renderAfterPaint.current = render
      afterNextPaint(render)
    },
    [record],
  )
  useEffect(
    () => () => {
      renderAfterPaint.current = undefined
    },
    [],
  )

  // Closing the composer, hiding the page or closing the window saves at once.
  useEffect(() => {
    const saveNow = (): void => void flush()
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') saveNow()
    }
    window.addEventListener('pagehide', saveNow)
    window.addEventListener('beforeunload', saveNow)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      window.removeEventListener('pagehide', saveNow)
      window.removeEventListener('beforeunload', saveNow)
      document.removeEventListener('visibilitychange', onVisibility)
      saveNow()
    }
  }, [flush])

  // Someone else changed this post (another window, the outbox): take their version when we
  // have nothing unsaved, so we never overwrite newer text with an older copy.
  useEffect(
    () =>
      api.on('posts.changed', ({ ids }) => {
        if (!ids.includes(id) || pending.current || timer.current) return
        void chain.current.then(() => {
          if (pending.current) return
          api.call('posts.get', { id }).then(
            (fresh) => !pending.current && show(fresh),
            () => undefined,
          )
        })
      }),
    [api, id, show],
  )

  /** The post with every change in it, rendered or not; for the form that shows a loaded post. */
  const current = useCallback((): PostDocument => {
    if (!latest.current) throw new Error('The post is read before it has loaded.')
    return latest.current
  }, [])

  return { post, loadError, saveState, saveError, change, type, current, flush, reload: load }
}
