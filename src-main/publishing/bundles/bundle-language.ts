import type { BundleLanguage } from '../../../src-shared/publishing/bundles-contract'
import type { LanguageSetting } from '../../../src-shared/settings'

/**
 * The language of a bundle's how-to: the app's language setting, and for "system" the first
 * preferred language Werkschau has texts for (the renderer picks its own language the same way),
 * else English.
 * @param preferred - the system's languages, most preferred first (BCP 47 or `de_DE.UTF-8`)
 */
export function bundleLanguage(
  setting: LanguageSetting,
  preferred: readonly string[] = systemLanguages(),
): BundleLanguage {
  if (setting !== 'system') return setting
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_.]/)[0]
    if (base === 'en' || base === 'de') return base
  }
  return 'en'
}

/** What this process knows of the user's languages: the locale environment, then ICU's default. */
function systemLanguages(): string[] {
  const { LC_ALL, LC_MESSAGES, LANG, LANGUAGE } = process.env
  const fromEnvironment = [LC_ALL, LC_MESSAGES, ...(LANGUAGE ?? '').split(':'), LANG]
  const candidates = [...fromEnvironment, Intl.DateTimeFormat().resolvedOptions().locale]
  return candidates.filter(
    (tag): tag is string => tag !== undefined && tag !== '' && tag !== 'C' && tag !== 'POSIX',
  )
}
