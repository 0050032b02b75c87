import { memo, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { accountNetworks } from '../../../../src-shared/accounts/model'
import { networkIds, type NetworkId } from '../../../../src-shared/platforms/networks'
import { networkName } from '../network-names'

const direct: readonly NetworkId[] = accountNetworks
const bundled = networkIds.filter((network) => !direct.includes(network))

/** Which networks this post goes to; the order of `targets` follows the app's network order. */
export const TargetPicker = memo(function TargetPicker({
  targets,
  onChange,
}: {
  targets: readonly NetworkId[]
  onChange: (targets: NetworkId[]) => void
}) {
  const { t } = useTranslation()
  const toggle = (network: NetworkId, on: boolean): void => {
    const next = new Set(targets)
    if (on) next.add(network)
    else next.delete(network)
    onChange(networkIds.filter((id) => next.has(id)))
  }
  return (
    <fieldset className="target-picker">
      <legend>{t('compose.targets.title')}</legend>
      <NetworkGroup
        label={t('compose.targets.direct')}
        networks={direct}
        {...{ targets, toggle }}
      />
      <NetworkGroup
        label={t('compose.targets.bundle')}
        networks={bundled}
        {...{ targets, toggle }}
      />
    </fieldset>
  )
})

function NetworkGroup({
  label,
  networks,
  targets,
  toggle,
}: {
  label: string
  networks: readonly NetworkId[]
  targets: readonly NetworkId[]
  toggle: (network: NetworkId, on: boolean) => void
}) {
  const labelId = useId()
  return (
    <div className="target-picker__group" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="target-picker__label">
        {label}
      </span>
      {networks.map((network) => (
        <label key={network} className="target-chip">
          <input
            type="checkbox"
            checked={targets.includes(network)}
            onChange={(event) => toggle(network, event.target.checked)}
          />
          {networkName(network)}
        </label>
      ))}
    </div>
  )
}
