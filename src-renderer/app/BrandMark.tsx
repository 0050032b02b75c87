/** A stitched frame: the app's small mark beside its name. Decorative, the name is text. */
export function BrandMark() {
  return (
    <svg className="brand__mark" viewBox="0 0 28 28" width="28" height="28" aria-hidden="true">
      <rect className="brand__tile" x="1" y="1" width="26" height="26" rx="7" />
      <rect className="brand__stitches" x="6" y="6" width="16" height="16" rx="3" />
      <path className="brand__thread" d="M9 18l3.5-4.5 2.5 3 1.5-2 2.5 3.5" />
    </svg>
  )
}
