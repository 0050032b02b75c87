import type { SpecResponse } from '../server'

/**
 * What goes wrong on the next request to one operation of a publishing fake:
 * - `answer`: the fake answers this instead of doing the work (a 429, a 503, a 401…);
 * - `cutAfterWork`: the fake does the work (stores the post) and then cuts the connection, so the
 *   client never hears that it succeeded — the "wifi dropped mid-request" case.
 */
export type Fault = { answer: SpecResponse } | { cutAfterWork: true }

/** Faults queued per operation key (`POST /2/tweets`), each used once, in order. */
export class Faults {
  private readonly queued = new Map<string, Fault[]>()

  next(operation: string, fault: Fault): void {
    this.queued.set(operation, [...(this.queued.get(operation) ?? []), fault])
  }

  take(operation: string): Fault | undefined {
    const list = this.queued.get(operation)
    const fault = list?.shift()
    if (list && list.length === 0) this.queued.delete(operation)
    return fault
  }
}

/** The answer a handler gives after doing its work, unless the fault says to cut instead. */
export function finish(fault: Fault | undefined, response: SpecResponse): SpecResponse {
  return fault && 'cutAfterWork' in fault ? { status: response.status, drop: true } : response
}
