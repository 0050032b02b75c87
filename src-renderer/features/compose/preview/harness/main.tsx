/*
 * A test page for the preview cards, built only by tests/e2e/preview.spec.ts (with Vite, into a
 * temporary folder) and served there by a browser host of its own. The app's build starts from
 * src-renderer/index.html and never reaches this folder, so nothing here ships.
 *
 * The address says what to show: ?networks=instagram,x&lang=de&theme=dark&text=…&title=…&cw=…
 * Photos are the library's, by file name; each network gets its own default crop.
 */
import { StrictMode, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import type { PhotoRecord } from '../../../../../src-shared/photos/model'
import { networkIds, type NetworkId } from '../../../../../src-shared/platforms/networks'
import { networkTargets } from '../../../../../src-shared/platforms/render-targets'
import { ApiProvider, useApi } from '../../../../api/ApiContext'
import { createApiClient, pickBridge } from '../../../../api/client'
import { startI18n } from '../../../../i18n'
import '../../../../styles/tokens.css'
import '../../../../styles/base.css'
import { PreviewStrip } from '../PreviewStrip'
import type { PostPreviewProps } from '../types'

const query = new URLSearchParams(window.location.search)
const i18n = startI18n()
void i18n.changeLanguage(query.get('lang') ?? 'en')
document.documentElement.dataset.theme = query.get('theme') ?? 'light'

const networks = (query.get('networks') ?? networkIds.join(','))
  .split(',')
  .filter((id): id is NetworkId => (networkIds as readonly string[]).includes(id))

function Harness() {
  const api = useApi()
  const [photos, setPhotos] = useState<PhotoRecord[]>()
  useEffect(() => {
    const load = (): void =>
      void api
        .call('photos.list', { trashed: false })
        .then((list) =>
          setPhotos([...list].sort((a, b) => a.originalName.localeCompare(b.originalName))),
        )
    load()
    return api.on('photos.changed', load)
  }, [api])
  if (!photos) return null
  const previews: PostPreviewProps[] = networks.map((network) => ({
    network,
    text: query.get('text') ?? '',
    photos: photos.map((record) => ({
      photoId: record.id,
      preset: networkTargets.find((target) => target.id === network)!.image.aspect,
      altText: record.altText,
    })),
    extras: {
      pinterestTitle: query.get('title') ?? undefined,
      mastodonContentWarning: query.get('cw') ?? undefined,
    },
  }))
  return (
    <main style={{ maxWidth: '34rem', margin: '1.5rem auto', padding: '0 1rem' }}>
      <h1 className="visually-hidden">Preview test page</h1>
      <PreviewStrip previews={previews} />
    </main>
  )
}

const bridge = pickBridge(window)
if (!bridge) throw new Error('Open this page with the launch token (#token=…).')
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider client={createApiClient(bridge)}>
      <Harness />
    </ApiProvider>
  </StrictMode>,
)
