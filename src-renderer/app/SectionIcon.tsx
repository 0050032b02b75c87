import type { SectionId } from './sections'

// Simple line icons drawn on a 20×20 grid; the link text beside each one is the accessible name.
const paths: Record<SectionId, string> = {
  library:
    'M4 4h12a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z M2.5 14l4.5-4.5 4 4 2.5-2.5 4 4 M13 7.5h.01',
  compose:
    'M4 16l.8-3.6L13 4.2a1.5 1.5 0 0 1 2.1 0l.7.7a1.5 1.5 0 0 1 0 2.1L7.6 15.2z M11.8 5.4l2.8 2.8 M11 17h6',
  outbox:
    'M3 11v5a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-5 M3 11h4l1 2h4l1-2h4 M10 9V2.5 M7.2 5.3 10 2.5l2.8 2.8',
  accounts:
    'M7 9.5a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M1.8 17c.4-2.9 2.5-5 5.2-5s4.8 2.1 5.2 5 M14 9a2.5 2.5 0 1 0 0-5 M14.5 11.6c2 .4 3.4 2.5 3.7 5.4',
  settings:
    'M3 6h3 M10 6h7 M3 14h8 M15 14h2 M8 8a2 2 0 1 0 0-4 2 2 0 0 0 0 4z M13 16a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
}

export function SectionIcon({ section }: { section: SectionId }) {
  return (
    <svg className="nav-link__icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
      <path d={paths[section]} />
    </svg>
  )
}
