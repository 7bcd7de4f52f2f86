/** `initialize`: per-connection handshake and experimental opt-in. */
import os from "node:os";
import { experimentalApiOptIn } from "../../../src/runtime/index.js";
import type { InitializeResponse } from "../protocol-types.js";
import { SERVER_VERSION } from "../thread-store.js";
import { ok, type HandlerContext, type Outcome, type ParamsOf } from "./context.js";

/** The router has already refused a second `initialize` on the same connection. */
export function initialize(params: ParamsOf<"initialize">, context: HandlerContext): Outcome<InitializeResponse> {
  const connection = context.connection;
  connection.initialized = true;
  connection.optedIn = experimentalApiOptIn(params);
  connection.optOutNotifications = new Set(params.capabilities?.optOutNotificationMethods ?? []);
  const { name, version } = params.clientInfo;
  const platform = `${os.type()} ${os.release()}; ${process.arch}`;
  return ok({ userAgent: `${name}/${version} (${platform}) schemagate-example-app-server/${SERVER_VERSION}` });
}
