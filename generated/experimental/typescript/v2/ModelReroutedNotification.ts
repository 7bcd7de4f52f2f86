// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { ModelRerouteReason } from "./ModelRerouteReason.js";

/** Payload of `model/rerouted`: a turn's request was served by another model than the one requested. */
export type ModelReroutedNotification = {
  /** Thread of the turn. */
  threadId: string;
  /** Turn that was rerouted. */
  turnId: string;
  /** Model that was requested. */
  fromModel: string;
  /** Model that actually served the request. */
  toModel: string;
  /** Why. */
  reason: ModelRerouteReason;
};
