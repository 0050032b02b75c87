import { useTranslation } from 'react-i18next'
import type { AccountNetwork } from '../../../../src-shared/accounts/model'
import { looksLikeAppPassword } from '../../../../src-shared/accounts/app-password'
import type { ConnectFields } from './connect-form'
import { TextField } from './TextField'

interface NetworkFieldsProps {
  network: AccountNetwork
  fields: ConnectFields
  onChange: (patch: Partial<ConnectFields>) => void
  /** Bluesky answered "two-factor code required": the code field is shown. */
  askCode: boolean
  disabled: boolean
}

/** The inputs one network's sign-in needs, and nothing more. */
export function NetworkFields({
  network,
  fields,
  onChange,
  askCode,
  disabled,
}: NetworkFieldsProps) {
  const { t } = useTranslation()
  const common = { disabled, required: true }
  switch (network) {
    case 'bluesky':
      return (
        <>
          <TextField
            {...common}
            autoFocus
            label={t('accounts.form.bluesky.identifier')}
            hint={t('accounts.form.bluesky.identifierHint')}
            value={fields.identifier}
            onChange={(identifier) => onChange({ identifier })}
            autoComplete="username"
          />
          <TextField
            {...common}
            type="password"
            label={t('accounts.form.bluesky.password')}
            hint={t('accounts.form.bluesky.passwordHint')}
            warning={
              fields.password.length > 0 && !looksLikeAppPassword(fields.password)
                ? t('accounts.form.bluesky.passwordWarning')
                : undefined
            }
            value={fields.password}
            onChange={(password) => onChange({ password })}
          />
          <TextField
            disabled={disabled}
            type="url"
            inputMode="url"
            label={t('accounts.form.bluesky.service')}
            hint={t('accounts.form.bluesky.serviceHint')}
            value={fields.service}
            onChange={(service) => onChange({ service })}
          />
          {(askCode || fields.code) && (
            <TextField
              {...common}
              autoFocus
              label={t('accounts.form.bluesky.code')}
              hint={t('accounts.form.bluesky.codeHint')}
              value={fields.code}
              onChange={(code) => onChange({ code })}
              autoComplete="one-time-code"
            />
          )}
        </>
      )
    case 'mastodon':
      return (
        <TextField
          {...common}
          autoFocus
          inputMode="url"
          label={t('accounts.form.mastodon.instance')}
          hint={t('accounts.form.mastodon.instanceHint')}
          value={fields.instance}
          onChange={(instance) => onChange({ instance })}
        />
      )
    case 'x':
      return (
        <TextField
          {...common}
          autoFocus
          label={t('accounts.form.x.clientId')}
          hint={t('accounts.form.x.clientIdHint')}
          value={fields.clientId}
          onChange={(clientId) => onChange({ clientId })}
        />
      )
    case 'pinterest':
      return (
        <>
          <TextField
            {...common}
            autoFocus
            label={t('accounts.form.pinterest.appId')}
            value={fields.appId}
            onChange={(appId) => onChange({ appId })}
          />
          <TextField
            {...common}
            type="password"
            label={t('accounts.form.pinterest.appSecret')}
            hint={t('accounts.form.pinterest.appHint')}
            value={fields.appSecret}
            onChange={(appSecret) => onChange({ appSecret })}
          />
        </>
      )
  }
}
