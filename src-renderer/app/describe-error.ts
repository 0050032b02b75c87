import type { TFunction } from 'i18next'
import { ApiError } from '../api/client'

/**
 * A sentence a crafter can act on, in the current language. Errors carry a stable code from
 * main; the English `message` is meant for logs, so it is not shown here.
 */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) return t(`errors.${error.error.code}`)
  return t('errors.internal')
}
