// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { ClientInfo } from "./ClientInfo.js";
import type { InitializeCapabilities } from "./InitializeCapabilities.js";

/** Params of `initialize`. */
export type InitializeParams = {
  /** Who is connecting. */
  clientInfo: ClientInfo;
  /** Declared capabilities; absent or null means none. */
  capabilities?: InitializeCapabilities | null;
};
