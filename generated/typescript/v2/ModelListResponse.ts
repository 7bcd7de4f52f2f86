// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { Model } from "./Model.js";

/** Result of `model/list`. */
export type ModelListResponse = {
  /** One page of models. */
  data: Model[];
  /** Cursor for the next page; null when there are no more models. */
  nextCursor: string | null;
};
