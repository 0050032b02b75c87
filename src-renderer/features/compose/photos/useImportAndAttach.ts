import { useCallback, useState } from 'react'
import type { PhotoId } from '../../../../src-shared/photos/model'
import { useApi } from '../../../api/ApiContext'
import { ApiError } from '../../../api/client'
import { followJob } from '../../library/data/follow-job'
import type { AppError } from '../../../../src-shared/errors'

export interface AttachImportState {
  busy: number
  failures: { name: string; error: AppError }[]
}

/**
 * New files dropped on the composer: imported into the library like any import (duplicates are
 * recognised), then attached in the order they were dropped. A file that fails is named with its
 * reason and the rest still arrive.
 */
export function useImportAndAttach(attach: (ids: PhotoId[]) => void) {
  const api = useApi()
  const [state, setState] = useState<AttachImportState>({ busy: 0, failures: [] })

  const importFiles = useCallback(
    async (files: readonly File[]): Promise<void> => {
      if (files.length === 0) return
      setState((current) => ({ busy: current.busy + files.length, failures: [] }))
      const ids: PhotoId[] = []
      const failures: AttachImportState['failures'] = []
      const paths = files.map((file) => api.pathForFile(file))
      const byPath = paths.every((path): path is string => path !== undefined)
      if (byPath) {
        // followJob returns once the job has started; the import is done when it says so.
        await new Promise<void>((resolve) => {
          followJob(
            api,
            'photos.importProgress',
            () => api.call('photos.import', { paths }),
            ({ item, state }) => {
              if (item?.ok) ids.push(item.outcome.record.id)
              else if (item) failures.push({ name: item.name, error: item.error })
              if (state !== 'running') resolve()
            },
          ).catch((error: unknown) => {
            failures.push({ name: '', error: asAppError(error) })
            resolve()
          })
        })
      } else {
        for (const file of files) {
          try {
            const outcome = await api.upload('photos.upload', file)
            ids.push(outcome.record.id)
          } catch (error) {
            failures.push({ name: file.name, error: asAppError(error) })
          }
        }
      }
      if (ids.length > 0) attach(ids)
      setState((current) => ({ busy: current.busy - files.length, failures }))
    },
    [api, attach],
  )

  return { ...state, importFiles }
}

function asAppError(error: unknown): AppError {
  if (error instanceof ApiError) return error.error
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) }
}
