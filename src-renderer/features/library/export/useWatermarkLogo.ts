import { useEffect, useState } from 'react'
import type { WatermarkLogoState } from '../../../../src-shared/contract'
import { useApi } from '../../../api/ApiContext'

export interface WatermarkLogoControl {
  /** Undefined until main has answered. */
  logo: WatermarkLogoState | undefined
  /** A new logo is being uploaded and checked, or the logo removed. */
  busy: boolean
  /** Why the last choice or removal failed (an ApiError), until the next one. */
  error: unknown
  choose(file: File): void
  remove(): void
}

/** The library's watermark logo, kept current when another window changes it. */
export function useWatermarkLogo(): WatermarkLogoControl {
  const api = useApi()
  const [logo, setLogo] = useState<WatermarkLogoState>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()

  useEffect(() => {
    let live = true
    api.call('watermark.getLogo').then(
      (state) => live && setLogo(state),
      (caught: unknown) => live && setError(caught),
    )
    const off = api.on('watermark.changed', setLogo)
    return () => {
      live = false
      off()
    }
  }, [api])

  const run = (action: () => Promise<WatermarkLogoState>): void => {
    setBusy(true)
    setError(undefined)
    action()
      .then(setLogo, setError)
      .finally(() => setBusy(false))
  }

  return {
    logo,
    busy,
    error,
    choose: (file) =>
      run(async () => ({ present: true, ...(await api.upload('watermark.setLogo', file)) })),
    remove: () =>
      run(async () => {
        await api.call('watermark.removeLogo')
        return { present: false }
      }),
  }
}
