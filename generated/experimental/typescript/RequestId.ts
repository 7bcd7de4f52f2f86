// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** A JSON-RPC request id. */
export type RequestId = string | number;
