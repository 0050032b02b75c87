import { join } from 'node:path'
import { expect, test } from './browser-host'

/*
 * The renderer's Electron branch of import: when the bridge can name a dropped or picked file's
 * path (webUtils.getPathForFile in the real preload), the renderer sends paths in ONE
 * photos.import call and follows its progress events, instead of uploading bytes.
 *
 * There is no Electron binary on CI machines, so this stands in for the preload ONLY: a bridge
 * object with the preload's shape, speaking to the real browser host (real main services, real
 * worker). The Electron smoke test covers the real preload where a binary is installed.
 */
const fixtures = join(process.cwd(), 'tests', 'fixtures', 'photos')

test.setTimeout(120_000)

test('with a bridge that knows file paths, import sends paths once and follows the job', async ({
  page,
  host,
}) => {
  const url = new URL(host.url)
  const token = /token=([^&]+)/.exec(url.hash)?.[1] ?? ''
  const calls: string[] = []
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname
    if (path.startsWith('/api/photos.') || path.startsWith('/upload/')) calls.push(path)
  })
  await page.addInitScript(
    ({ token, fixtures }) => {
      const json = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }
      ;(window as unknown as { werkschau: unknown }).werkschau = {
        invoke: (channel: string, input: unknown) =>
          fetch(`/api/${channel}`, {
            method: 'POST',
            headers: json,
            body: JSON.stringify({ input }),
          }).then((response) => response.json()),
        subscribe: (listener: (event: string, payload: unknown) => void) => {
          const source = new EventSource(`/events?token=${token}`)
          source.onmessage = (message) => {
            const { event, payload } = JSON.parse(message.data as string) as {
              event: string
              payload: unknown
            }
            listener(event, payload)
          }
          return () => source.close()
        },
        upload: () => Promise.reject(new Error('this test expects paths, not uploads')),
        // Files picked from the fixtures folder: their real paths, as webUtils would give them.
        pathForFile: (file: File) => `${fixtures}/${file.name}`,
        mediaUrl: (path: string) => `/media/${path}?token=${token}`,
      }
    },
    { token, fixtures },
  )
  await page.goto(`${url.origin}/`)
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible()

  await page
    .getByLabel('Add photos…')
    .first()
    .setInputFiles(
      ['tassen-rotated.jpg', 'ufer.webp', 'iphone-schale.heic'].map((name) => join(fixtures, name)),
    )
  const panel = page.getByRole('region', { name: /^(Adding photos|Photos added)$/ })
  await expect(panel.getByRole('status')).toHaveText(/Import finished: 3 photos added\./, {
    timeout: 60_000,
  })
  await expect(page.getByRole('grid', { name: 'Photos' }).getByRole('gridcell')).toHaveCount(3)
  expect(calls.filter((call) => call === '/api/photos.import')).toHaveLength(1)
  expect(calls.filter((call) => call.startsWith('/upload/'))).toEqual([])
})
