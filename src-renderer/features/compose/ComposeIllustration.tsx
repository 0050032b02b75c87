/** A sheet with a photo and a few lines of caption, and a pencil. Decorative. */
export function ComposeIllustration() {
  return (
    <svg className="illustration" viewBox="0 0 200 150" aria-hidden="true" focusable="false">
      <rect className="illo-card" x="46" y="14" width="96" height="122" rx="6" />
      <rect className="illo-photo" x="56" y="24" width="34" height="34" rx="3" />
      <circle className="illo-accent-soft" cx="73" cy="41" r="9" />
      <path
        className="illo-line"
        d="M98 30h34 M98 41h26 M98 52h30 M56 72h76 M56 84h68 M56 96h72 M56 108h44"
      />
      <rect className="illo-accent-soft" x="104" y="116" width="28" height="10" rx="5" />
      <g transform="translate(148 110) rotate(-58)">
        <rect className="illo-accent" x="7" y="-5.5" width="50" height="11" rx="2" />
        <path className="illo-photo" d="M7-5.5-7 0l14 5.5z" />
        <rect className="illo-card" x="57" y="-5.5" width="9" height="11" rx="2" />
      </g>
    </svg>
  )
}
