// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Outcome of `thread/unsubscribe`. */
export type ThreadUnsubscribeStatus =
  /** The thread was not loaded; nothing to do. */
  | "notLoaded"
  /** This connection was not subscribed to the thread. */
  | "notSubscribed"
  /** The subscription was removed. */
  | "unsubscribed";
