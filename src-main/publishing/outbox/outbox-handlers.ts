import type { OutboxChannelName } from '../../../src-shared/publishing/contract'
import type { Handlers } from '../../api/dispatcher'
import type { Outbox } from './outbox'

/** The outbox channels of the contract, spread into createHandlers (src-main/api/handlers.ts). */
export function outboxHandlers(outbox: Outbox): Pick<Handlers, OutboxChannelName> {
  return {
    'outbox.list': (input) => outbox.list(input?.postId),
    'outbox.retry': ({ ids }) => outbox.retry(ids),
    'outbox.cancel': ({ ids }) => outbox.cancel(ids),
    'outbox.overdue': () => outbox.overdue(),
    'outbox.publishNow': ({ ids }) => outbox.publishNow(ids),
    'outbox.reschedule': ({ ids, at }) => outbox.reschedule(ids, at),
  }
}
