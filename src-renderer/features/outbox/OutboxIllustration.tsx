/** A tray with two posts on their way out, a clock for "scheduled" and a tick for "published". */
export function OutboxIllustration() {
  return (
    <svg className="illustration" viewBox="0 0 200 150" aria-hidden="true" focusable="false">
      <rect
        className="illo-card"
        x="62"
        y="34"
        width="44"
        height="58"
        rx="4"
        transform="rotate(-8 84 63)"
      />
      <rect
        className="illo-photo"
        x="68"
        y="40"
        width="32"
        height="26"
        rx="2"
        transform="rotate(-8 84 63)"
      />
      <rect
        className="illo-card"
        x="96"
        y="28"
        width="44"
        height="60"
        rx="4"
        transform="rotate(7 118 58)"
      />
      <rect
        className="illo-photo"
        x="102"
        y="34"
        width="32"
        height="26"
        rx="2"
        transform="rotate(7 118 58)"
      />
      <path className="illo-card" d="M40 84h120l-10 44a6 6 0 0 1-6 5H56a6 6 0 0 1-6-5z" />
      <path className="illo-line" d="M58 102h30l5 8h14l5-8h30" />
      <circle className="illo-accent-soft" cx="164" cy="40" r="16" />
      <path className="illo-accent-line" d="M164 31v9l6 5" />
      <circle className="illo-accent-soft" cx="36" cy="46" r="14" />
      <path className="illo-accent-line" d="M29 46l5 5 9-10" />
    </svg>
  )
}
