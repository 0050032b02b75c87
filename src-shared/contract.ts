import { z } from 'zod'
import { SettingsPatchSchema, SettingsSchema } from './settings'

/**
 * The single source of truth for what the renderer may ask of the main process.
 *
 * Main-side handlers (src-main/api), the Electron preload bridge and the browser host's HTTP
 * routes are all derived from these two maps; no other file defines a channel name or payload.
 *
 * Reserved namespaces for features that arrive with their own issues (no stubs until then):
 *   photos.*    import, metadata, crops, renders          (Photos)
 *   posts.*     caption documents, variants, templates    (Compose)
 *   accounts.*  connecting networks, keychain status      (Accounts)
 *   outbox.*    publishing jobs, schedule, export bundles (Publishing)
 */

export const HostKindSchema = z.enum(['electron', 'browser'])
export type HostKind = z.infer<typeof HostKindSchema>

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: HostKindSchema,
  libraryPath: z.string(),
  platform: z.string(),
})
export type AppInfo = z.infer<typeof AppInfoSchema>

type ChannelSpec = { input: z.ZodType; output: z.ZodType }

export const channels = {
  'app.info': { input: z.void(), output: AppInfoSchema },
  'settings.get': { input: z.void(), output: SettingsSchema },
  'settings.set': { input: SettingsPatchSchema, output: SettingsSchema },
} as const satisfies Record<string, ChannelSpec>

export const events = {
  'settings.changed': SettingsSchema,
} as const satisfies Record<string, z.ZodType>

export type Channels = typeof channels
export type ChannelName = keyof Channels
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = z.output<Events[E]>

export const channelNames = Object.keys(channels) as ChannelName[]
export const eventNames = Object.keys(events) as EventName[]

/** Own-property check, so "toString" or "__proto__" never count as channels. */
export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name)
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name)
}
