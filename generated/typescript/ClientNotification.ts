// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Every notification the client can send, as it appears on the wire. */
export type ClientNotification = {
  method: "initialized";
};
