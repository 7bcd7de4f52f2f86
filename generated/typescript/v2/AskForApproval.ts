// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** When the agent asks the client for approval before acting. Kebab-case on the wire. */
export type AskForApproval =
  /** Ask for everything except commands known to be safe. */
  | "untrusted"
  /** Run in the sandbox; ask only when a command fails there and needs to escalate. */
  | "on-failure"
  /** The model decides when to ask. */
  | "on-request"
  /** Never ask; failures are returned to the model. */
  | "never";
