import { z } from 'zod'

export const LanguageSettingSchema = z.enum(['system', 'en', 'de'])
export type LanguageSetting = z.infer<typeof LanguageSettingSchema>

export const ThemeSettingSchema = z.enum(['system', 'light', 'dark'])
export type ThemeSetting = z.infer<typeof ThemeSettingSchema>

/**
 * The settings the renderer can see. Window geometry and other host-only state live beside them
 * in the same file but never cross the boundary.
 */
export const SettingsSchema = z.object({
  language: LanguageSettingSchema,
  theme: ThemeSettingSchema,
  /** null means "the default folder inside the app's data directory". */
  libraryPath: z.string().min(1).nullable(),
})
export type Settings = z.infer<typeof SettingsSchema>

export const defaultSettings: Settings = {
  language: 'system',
  theme: 'system',
  libraryPath: null,
}

/**
 * What the renderer may change directly. The library folder is not here on purpose: the renderer
 * never names a path it was not given, so moving the library goes through a folder dialog in main.
 */
export const SettingsPatchSchema = z
  .object({
    language: LanguageSettingSchema,
    theme: ThemeSettingSchema,
  })
  .partial()
  .strict()
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>
