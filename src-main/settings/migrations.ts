/**
 * Migrations of the settings document, oldest first. Each one receives the document as the
 * previous format left it and returns it in format `to`. Version 1 is the first format, so the
 * list starts empty; add one entry (and one test) per format change.
 */
export interface SettingsMigration {
  to: number
  migrate(document: Record<string, unknown>): Record<string, unknown>
}

export const currentSettingsVersion = 1

export const settingsMigrations: readonly SettingsMigration[] = []
