import type { WerkschauBridge } from '../../src-shared/bridge'
import {
  channels,
  events,
  isEventName,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type EventName,
  type EventPayload,
} from '../../src-shared/contract'
import type { AppError } from '../../src-shared/errors'
import { createHttpBridge, takeLaunchToken } from './http-bridge'

/** A failed call, carrying the typed error from main. */
export class ApiError extends Error {
  readonly error: AppError
  constructor(error: AppError) {
    super(error.message)
    this.name = 'ApiError'
    this.error = error
  }
}

export interface ApiClient {
  call<C extends ChannelName>(
    channel: C,
    ...input: ChannelInput<C> extends void ? [] : [ChannelInput<C>]
  ): Promise<ChannelOutput<C>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

/**
 * The typed API the renderer uses. Outputs and events are checked against the contract here, so
 * a component only ever sees data of the declared shape — whichever host is underneath.
 */
export function createApiClient(bridge: WerkschauBridge): ApiClient {
  return {
    call: async (channel, ...input) => {
      const result = await bridge.invoke(channel, input[0])
      if (!result.ok) throw new ApiError(result.error)
      const parsed = channels[channel].output.safeParse(result.value)
      if (!parsed.success) {
        throw new ApiError({ code: 'internal', message: `Unexpected answer to ${channel}.` })
      }
      return parsed.data as ChannelOutput<typeof channel>
    },
    on: (event, listener) =>
      bridge.subscribe((name, payload) => {
        if (!isEventName(name) || name !== event) return
        const parsed = events[event].safeParse(payload)
        if (parsed.success) listener(parsed.data as EventPayload<typeof event>)
      }),
  }
}

/**
 * Electron's preload puts the bridge on `window.werkschau`; in a plain browser the page was
 * opened by the browser host and talks HTTP. Nothing else in the renderer knows which.
 */
export function pickBridge(
  target: Window & { werkschau?: WerkschauBridge },
): WerkschauBridge | undefined {
  if (target.werkschau) return target.werkschau
  const token = takeLaunchToken(target.location, target.history, target.sessionStorage)
  return token === undefined ? undefined : createHttpBridge(token)
}
