/** Notifications queued while a request is handled, sent after its response. */
import type { Notifier } from "./handlers/context.js";
import type { ServerNotification } from "./protocol-types.js";

export interface QueuedNotification {
  readonly notification: ServerNotification;
  /** The connection ids to send it to, taken when it was queued. */
  readonly to: ReadonlySet<number>;
}

export interface Outbox extends Notifier {
  /** The queued notifications, in order; empties the queue. */
  drain(): QueuedNotification[];
}

export function createOutbox(): Outbox {
  let queue: QueuedNotification[] = [];
  return {
    announce(thread, notification) {
      queue.push({ notification, to: new Set(thread.knownBy) });
    },
    notifySubscribers(thread, notification) {
      queue.push({ notification, to: new Set(thread.subscribers) });
    },
    drain() {
      const drained = queue;
      queue = [];
      return drained;
    },
  };
}
