import { useCallback, useMemo, useReducer, useRef } from 'react'
import { useApi } from '../../../api/ApiContext'
import { ApiError } from '../../../api/client'
import type { AppError } from '../../../../src-shared/errors'
import { followJob } from '../data/follow-job'
import { emptyImport, importReducer, summarize } from './import-state'

/** Uploads at once in the browser host: enough to keep the worker busy, few enough to show order. */
const uploadConcurrency = 2

let nextKey = 0
const newKey = (prefix: string): string => `${prefix}-${++nextKey}`

function asAppError(error: unknown): AppError {
  if (error instanceof ApiError) return error.error
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) }
}

function baseName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path
}

/**
 * Imports files two ways: by path in Electron (one `photos.import` job, main expands folders),
 * as uploads otherwise (the browser host, or a pasted image that has no path), two at a time.
 * Every file gets its own row and result; one failure never stops the others.
 */
export function useImport() {
  const api = useApi()
  const [state, dispatch] = useReducer(importReducer, emptyImport)
  const queue = useRef<{ key: string; file: File }[]>([])
  const active = useRef(0)

  const pump = useCallback((): void => {
    const send = async ({ key, file }: { key: string; file: File }): Promise<void> => {
      dispatch({ type: 'uploadProgress', key, progress: 0 })
      try {
        const outcome = await api.upload('photos.upload', file, (progress) =>
          dispatch({ type: 'uploadProgress', key, progress: Math.min(progress, 0.99) }),
        )
        dispatch({ type: 'uploadDone', key, outcome: outcome.status })
      } catch (error) {
        dispatch({ type: 'uploadFailed', key, error: asAppError(error) })
      }
    }
    // A few workers take files off the shared queue until it is empty.
    const work = async (): Promise<void> => {
      for (let next = queue.current.shift(); next; next = queue.current.shift()) await send(next)
      active.current -= 1
    }
    while (active.current < uploadConcurrency && queue.current.length > 0) {
      active.current += 1
      void work()
    }
  }, [api])

  const importPaths = useCallback(
    (paths: string[]): void => {
      const key = newKey('job')
      dispatch({ type: 'jobStarted', key, total: paths.length })
      followJob(
        api,
        'photos.importProgress',
        () => api.call('photos.import', { paths }),
        (payload) => dispatch({ type: 'jobProgress', key, payload }),
      ).catch((error: unknown) =>
        dispatch({ type: 'jobFailed', key, names: paths.map(baseName), error: asAppError(error) }),
      )
    },
    [api],
  )

  const importFiles = useCallback(
    (files: readonly File[]): void => {
      const paths: string[] = []
      const uploads: { key: string; file: File }[] = []
      for (const file of files) {
        const path = api.pathForFile(file)
        if (path) paths.push(path)
        else uploads.push({ key: newKey('upload'), file })
      }
      if (paths.length > 0) importPaths(paths)
      if (uploads.length === 0) return
      dispatch({
        type: 'uploadsAdded',
        rows: uploads.map(({ key, file }) => ({ key, name: file.name })),
      })
      queue.current.push(...uploads)
      pump()
    },
    [api, importPaths, pump],
  )

  const dismiss = useCallback(() => dispatch({ type: 'dismissed' }), [])
  const summary = useMemo(() => summarize(state), [state])
  return { rows: state.rows, summary, importFiles, dismiss }
}

export type ImportController = ReturnType<typeof useImport>
