import { useEffect, useState } from 'react'
import type { PhotoRecord } from '../../../../src-shared/photos/model'
import { useApi } from '../../../api/ApiContext'

/** A photo's record; `null` once main says it is not in the library (any more). */
export type PreviewRecord = PhotoRecord | null

/**
 * The records of a post's photos (for render versions and frame ratios), kept fresh when main
 * reports a change to one of them. Missing entries are still loading.
 */
export function usePreviewRecords(ids: readonly string[]): ReadonlyMap<string, PreviewRecord> {
  const api = useApi()
  const [records, setRecords] = useState<ReadonlyMap<string, PreviewRecord>>(new Map())
  // The list is compared by content: a new array with the same photos loads nothing again.
  const key = ids.join(',')

  useEffect(() => {
    const wanted = key === '' ? [] : key.split(',')
    let live = true
    const load = (id: string): void => {
      api.call('photos.get', { id }).then(
        (record) => live && setRecords((old) => new Map(old).set(id, record)),
        () => live && setRecords((old) => new Map(old).set(id, null)),
      )
    }
    wanted.forEach(load)
    const off = api.on('photos.changed', (change) => {
      for (const id of change.ids) if (wanted.includes(id)) load(id)
    })
    return () => {
      live = false
      off()
    }
  }, [api, key])

  return records
}
