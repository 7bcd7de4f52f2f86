/** Notifications queued while a request is handled, sent after its response. */
import type { Notifier } from "./handlers/context.js";
import type { ServerNotification } from "./protocol-types.js";

export interface QueuedNotification {
  readonly notification: ServerNotification;
  /** Every initialized connection, or these connection ids (a thread's subscribers when queued). */
  readonly to: "initialized" | ReadonlySet<number>;
}

export interface Outbox extends Notifier {
  /** The queued notifications, in order; empties the queue. */
  drain(): QueuedNotification[];
}

export function createOutbox(): Outbox {
  let queue: QueuedNotification[] = [];
  return {
    broadcast(notification) {
      queue.push({ notification, to: "initialized" });
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
