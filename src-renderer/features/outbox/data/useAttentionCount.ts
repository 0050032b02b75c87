import { useEffect, useState } from 'react'
import { useApi } from '../../../api/ApiContext'
import { needsAttention } from './needs-attention'

/**
 * How many jobs need the user (failed or waiting for a reconnect), for the sidebar's badge.
 * 0 while loading or when the list cannot be read: a badge must not claim what it does not know.
 */
export function useAttentionCount(): number {
  const api = useApi()
  const [count, setCount] = useState(0)
  const [version, setVersion] = useState(0)

  useEffect(() => api.on('outbox.changed', () => setVersion((value) => value + 1)), [api])

  useEffect(() => {
    let current = true
    api.call('outbox.list', {}).then(
      (jobs) => {
        if (current) setCount(jobs.filter(needsAttention).length)
      },
      () => {
        if (current) setCount(0)
      },
    )
    return () => {
      current = false
    }
  }, [api, version])

  return count
}
