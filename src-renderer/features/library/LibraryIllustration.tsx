/** A small fan of product photos, the front one framed by crop marks. Decorative. */
export function LibraryIllustration() {
  return (
    <svg className="illustration" viewBox="0 0 200 150" aria-hidden="true" focusable="false">
      <rect
        className="illo-card"
        x="30"
        y="34"
        width="78"
        height="92"
        rx="6"
        transform="rotate(-10 69 80)"
      />
      <rect
        className="illo-card"
        x="94"
        y="30"
        width="78"
        height="92"
        rx="6"
        transform="rotate(9 133 76)"
      />
      <rect className="illo-card" x="60" y="20" width="80" height="104" rx="6" />
      <rect className="illo-photo" x="67" y="27" width="66" height="74" rx="3" />
      <circle className="illo-accent-soft" cx="118" cy="44" r="8" />
      <path className="illo-accent" d="M92 99c-9-5-11-16-5-25l4-6v-6h18v6l4 6c6 9 4 20-5 25z" />
      <path className="illo-on-accent" d="M90 80h20" />
      <path className="illo-line" d="M72 113h34" />
      <path
        className="illo-accent-line"
        d="M54 30V16h14 M132 16h14v14 M146 114v14h-14 M68 128H54v-14"
      />
    </svg>
  )
}
