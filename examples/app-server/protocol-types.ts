/**
 * The generated TypeScript the server is written against. The server implements
 * the whole protocol, so it uses the experimental audience (everything); the
 * gate decides per connection what a client may actually use.
 */
export type {
  ClientRequest,
  InitializeResponse,
  ServerNotification,
  v2,
} from "../../generated/experimental/typescript/index.js";
