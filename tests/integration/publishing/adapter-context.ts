import type { AccountSummary } from '../../../src-shared/accounts/contract'
import type { AccountNetwork } from '../../../src-shared/accounts/model'
import { AppErrorException } from '../../../src-shared/errors'
import type { AdapterContext } from '../../../src-main/publishing/adapter'

/** An account as the outbox sees it (no secret: that comes with the context). */
export function accountSummary(
  network: AccountNetwork,
  extra: Partial<AccountSummary> = {},
): AccountSummary {
  return {
    id: `acc_${network}0123456789abcdef`,
    network,
    handle: '@werkstatt',
    displayName: 'Werkstatt',
    status: 'connected',
    ...extra,
  }
}

/**
 * The context the outbox passes for one step: the real fetch, a signal, a progress recorder and
 * the job's idempotency key.
 */
export function adapterContext(
  secret: string,
  account: AccountSummary,
  extra: Partial<AdapterContext> = {},
): AdapterContext & { progressSeen: number[] } {
  const progressSeen: number[] = []
  return {
    secret,
    account,
    fetch: globalThis.fetch,
    signal: new AbortController().signal,
    progress: (fraction) => progressSeen.push(fraction),
    idempotencyKey: 'job-0f3c2a1b-mastodon',
    ...extra,
    progressSeen,
  }
}

/** The AppErrorException a promise rejects with (fails the test when it resolves or throws else). */
export async function errorOf(promise: Promise<unknown>): Promise<AppErrorException> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  if (!(error instanceof AppErrorException))
    throw new Error(`expected an AppErrorException, got ${String(error)}`)
  return error
}
