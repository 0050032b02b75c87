/** A ball of yarn with threads running out to four networks. Decorative. */
export function AccountsIllustration() {
  return (
    <svg className="illustration" viewBox="0 0 200 150" aria-hidden="true" focusable="false">
      <path
        className="illo-thread"
        d="M124 64C140 50 150 40 164 34 M126 88c16 8 30 14 44 20 M76 66C62 54 50 44 36 40 M78 92c-14 8-28 14-42 18"
      />
      <circle className="illo-card" cx="166" cy="32" r="13" />
      <circle className="illo-card" cx="172" cy="110" r="13" />
      <circle className="illo-card" cx="32" cy="38" r="13" />
      <circle className="illo-card" cx="32" cy="112" r="13" />
      <circle className="illo-photo" cx="166" cy="32" r="6" />
      <circle className="illo-photo" cx="172" cy="110" r="6" />
      <circle className="illo-photo" cx="32" cy="38" r="6" />
      <circle className="illo-photo" cx="32" cy="112" r="6" />
      <circle className="illo-accent" cx="100" cy="77" r="30" />
      <path
        className="illo-on-accent"
        d="M75 64c14 7 32 7 48-3 M71 80c18 9 38 7 56-7 M79 97c14 4 30 0 42-12 M92 48c-6 14-6 40 6 58 M110 50c4 16 2 36-8 54"
      />
    </svg>
  )
}
