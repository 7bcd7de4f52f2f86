import { isJsonObject } from "./value.js";

/**
 * Whether `initialize` params opt the connection in to experimental API:
 * true exactly when `params.capabilities.experimentalApi === true`. Anything
 * else, including `"true"`, `1` or a missing `capabilities`, is no opt-in.
 * Call it once per connection and keep the answer with the connection.
 */
export function experimentalApiOptIn(initializeParams: unknown): boolean {
  if (!isJsonObject(initializeParams) || !Object.hasOwn(initializeParams, "capabilities")) return false;
  const capabilities = initializeParams.capabilities;
  return isJsonObject(capabilities) && Object.hasOwn(capabilities, "experimentalApi") && capabilities.experimentalApi === true;
}
