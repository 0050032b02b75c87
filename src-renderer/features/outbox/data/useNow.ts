import { useEffect, useState } from 'react'

/** The time, refreshed every minute: "scheduled" turns into "queued" when its time comes. */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
