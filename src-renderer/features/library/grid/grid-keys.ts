/** Where a navigation key moves the active cell in a grid of `count` cells, `columns` wide. */
export function targetIndex(
  key: string,
  index: number,
  count: number,
  columns: number,
  pageRows: number,
  toEnds: boolean,
): number | undefined {
  const last = count - 1
  const rowStart = index - (index % columns)
  switch (key) {
    case 'ArrowRight':
      return Math.min(index + 1, last)
    case 'ArrowLeft':
      return Math.max(index - 1, 0)
    case 'ArrowDown':
      // From the row above a shorter last row, go to its last cell rather than nowhere.
      return rowStart + columns <= last ? Math.min(index + columns, last) : index
    case 'ArrowUp':
      return index - columns >= 0 ? index - columns : index
    case 'Home':
      return toEnds ? 0 : rowStart
    case 'End':
      return toEnds ? last : Math.min(rowStart + columns - 1, last)
    case 'PageDown':
      return Math.min(index + columns * pageRows, last)
    case 'PageUp':
      return Math.max(index - columns * pageRows, 0)
    default:
      return undefined
  }
}
