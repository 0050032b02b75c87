/** The app's sections, in sidebar order; Alt+1 … Alt+5 follow this order too. */
export const sectionIds = ['library', 'compose', 'outbox', 'accounts', 'settings'] as const
export type SectionId = (typeof sectionIds)[number]

export const defaultSection: SectionId = 'library'

export function sectionHref(section: SectionId): `#/${SectionId}` {
  return `#/${section}`
}

/**
 * `#/compose` → compose, `#/library/photo/…` → library (a section may have routes of its own).
 * Anything else (empty, unknown, a stray `#content`) shows the default.
 */
export function sectionFromHash(hash: string): SectionId {
  const name = hash.replace(/^#\/?/, '').split('/')[0]
  return sectionIds.find((section) => section === name) ?? defaultSection
}

export function shortcutFor(section: SectionId): string {
  return `Alt+${sectionIds.indexOf(section) + 1}`
}
