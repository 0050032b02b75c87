import { snippetNameKey } from '../../../../src-shared/snippets/model'

/**
 * The message for a name that is empty or already used by another item of the same kind, if
 * any: checked here so the user reads it in the dialog (main refuses such a name as well).
 */
export function nameProblem(
  name: string,
  otherNames: readonly string[],
  takenMessage: (name: string) => string,
  missingMessage: string,
): string | undefined {
  if (name.trim() === '') return missingMessage
  const clash = otherNames.find((other) => snippetNameKey(other) === snippetNameKey(name))
  return clash === undefined ? undefined : takenMessage(clash)
}
