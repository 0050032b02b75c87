/** Nothing saved yet: say so, and link to the screen where the user makes the first one. */
export function PickerEmpty({
  message,
  link,
  href,
  onFollow,
}: {
  message: string
  link: string
  href: string
  /** Closes the dialog as the link is followed. */
  onFollow: () => void
}) {
  return (
    <div className="picker-empty">
      <p>{message}</p>
      <a className="button button--primary" href={href} onClick={onFollow}>
        {link}
      </a>
    </div>
  )
}
