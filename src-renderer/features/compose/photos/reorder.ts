/** The list with one item moved from `from` to `to` (both clamped); the input is not changed. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items]
  const [item] = next.splice(from, 1)
  if (item === undefined) return next
  next.splice(Math.max(0, Math.min(next.length, to)), 0, item)
  return next
}

/** Drag data types: a library photo (to attach) and a photo already in the post (to reorder). */
export const libraryPhotoType = 'application/x-werkschau-photo-id'
export const postPhotoType = 'application/x-werkschau-post-photo-index'
