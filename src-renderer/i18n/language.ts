import type { LanguageSetting } from '../../src-shared/settings'

export const appLanguages = ['en', 'de'] as const
export type AppLanguage = (typeof appLanguages)[number]

/**
 * The language the app shows for a setting. For "system" the first preferred language we have a
 * translation for wins, so someone who reads English first and German second keeps English;
 * anything else falls back to English.
 */
export function resolveLanguage(
  setting: LanguageSetting,
  preferredLanguages: readonly string[],
): AppLanguage {
  if (setting !== 'system') return setting
  for (const tag of preferredLanguages) {
    const base = tag.toLowerCase().split('-')[0]
    const supported = appLanguages.find((language) => language === base)
    if (supported) return supported
  }
  return 'en'
}
