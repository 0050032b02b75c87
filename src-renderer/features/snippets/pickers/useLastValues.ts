import { useCallback, useEffect, useState } from 'react'
import type { VariableValues } from '../../../../src-shared/snippets/model'
import { useApi } from '../../../api/ApiContext'

/**
 * The value each template variable was last filled with. They are kept in the library (main's
 * snippet store), not in the page: the browser host's address changes with every launch, which
 * would empty the page's own storage, and the same library should offer the same shop link in
 * the desktop window and in the browser.
 */
export function useLastValues(): {
  values: VariableValues | undefined
  remember: (used: VariableValues) => void
} {
  const api = useApi()
  const [values, setValues] = useState<VariableValues>()

  useEffect(() => {
    let live = true
    // Without them the picker still works, only with empty fields: no error for the user.
    api.call('templates.lastValues').then(
      (loaded) => live && setValues(loaded),
      () => live && setValues({}),
    )
    return () => {
      live = false
    }
  }, [api])

  const remember = useCallback(
    (used: VariableValues) => {
      if (Object.keys(used).length === 0) return
      // Remembering is a convenience: a failure must not stop the insert.
      api.call('templates.rememberValues', used).catch(() => undefined)
    },
    [api],
  )

  return { values, remember }
}
