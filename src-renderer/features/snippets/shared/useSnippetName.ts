import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { nameProblem } from './names'

/**
 * The name in an edit dialog. Its problem (empty, or taken by another item of the kind) is shown
 * only once the user tried to save, not while they are still typing.
 */
export function useSnippetName(
  initial: string,
  otherNames: readonly string[],
  takenMessage: (name: string) => string,
) {
  const { t } = useTranslation()
  const [value, set] = useState(initial)
  const [tried, setTried] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const problem = nameProblem(value, otherNames, takenMessage, t('snippets.nameMissing'))

  /** On submit: true if the name will do; otherwise its problem shows and the field takes focus. */
  const accept = (): boolean => {
    setTried(true)
    if (problem) inputRef.current?.focus()
    return problem === undefined
  }

  return { value, set, shownProblem: tried ? problem : undefined, inputRef, accept }
}

export type SnippetName = ReturnType<typeof useSnippetName>
