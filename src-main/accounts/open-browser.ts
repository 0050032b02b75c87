import { AppErrorException } from '../../src-shared/errors'

/**
 * Opens a sign-in page in the user's default browser (RFC 8252: OAuth through the system
 * browser, never an embedded web view). Only http(s) addresses are ever opened.
 */
export async function openInSystemBrowser(url: string): Promise<void> {
  const protocol = new URL(url).protocol
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new AppErrorException('internal', 'Werkschau only opens web addresses in your browser.')
  }
  try {
    const { default: open } = await import('open')
    const child = await open(url)
    child.on('error', () => undefined)
  } catch {
    throw new AppErrorException(
      'unreachable',
      'Werkschau could not open your web browser. Set a default browser, then try again.',
    )
  }
}
