import { events, type EventName, type EventPayload } from '../../src-shared/contract'

export type EventListener = (event: EventName, payload: unknown) => void

/**
 * Main→renderer events. Services emit here; the IPC layer and the browser host's SSE stream
 * subscribe. Payloads are checked against the contract so a wrong event fails where it is made.
 */
export class EventHub {
  readonly #listeners = new Set<EventListener>()

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const checked = events[event].parse(payload)
    for (const listener of this.#listeners) listener(event, checked)
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  get listenerCount(): number {
    return this.#listeners.size
  }
}
