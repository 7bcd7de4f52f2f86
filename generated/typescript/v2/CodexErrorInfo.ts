// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { NonSteerableTurnKind } from "./NonSteerableTurnKind.js";

/** Machine-readable error classification, camelCase on the wire. */
export type CodexErrorInfo =
  /** The conversation no longer fits in the model's context window. */
  | "contextWindowExceeded"
  /** The account hit a usage limit. */
  | "usageLimitExceeded"
  /** The model service is overloaded. */
  | "serverOverloaded"
  /** Could not connect to the model service. */
  | {
      /** Details. */
      httpConnectionFailed: {
        /** Upstream HTTP status, when known. */
        httpStatusCode: number | null;
      };
    }
  /** Could not connect to the response stream. */
  | {
      /** Details. */
      responseStreamConnectionFailed: {
        /** Upstream HTTP status, when known. */
        httpStatusCode: number | null;
      };
    }
  /** The model service failed internally. */
  | "internalServerError"
  /** Authentication was rejected. */
  | "unauthorized"
  /** The request was rejected as malformed. */
  | "badRequest"
  /** Rolling the thread back failed. */
  | "threadRollbackFailed"
  /** The sandbox failed to run a command. */
  | "sandboxError"
  /** The response stream broke off before the turn completed. */
  | {
      /** Details. */
      responseStreamDisconnected: {
        /** Upstream HTTP status, when known. */
        httpStatusCode: number | null;
      };
    }
  /** Retries were exhausted. */
  | {
      /** Details. */
      responseTooManyFailedAttempts: {
        /** Upstream HTTP status, when known. */
        httpStatusCode: number | null;
      };
    }
  /** `turn/start` or `turn/steer` arrived while a turn that cannot be steered was running. */
  | {
      /** Details. */
      activeTurnNotSteerable: {
        /** Kind of the running turn. */
        turnKind: NonSteerableTurnKind;
      };
    }
  /** Anything else. */
  | "other";
