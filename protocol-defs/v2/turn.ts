/**
 * Turns: one round of user input and agent work inside a thread. Start one,
 * steer the running one with more input, or interrupt it.
 */
import type { CollaborationMode, Personality, ReasoningEffort, ReasoningSummary, ServiceTier } from "../shared.js";
import type { AskForApproval } from "./approval.js";
import type { TurnError } from "./error.js";
import type { ThreadItem } from "./item.js";
import type { SandboxPolicy } from "./sandbox.js";

// === Turn object ===

/** Lifecycle state of a turn. */
export type TurnStatus =
  | /** Finished normally. */ "completed"
  | /** Stopped by `turn/interrupt` or a `cancel` approval decision. */ "interrupted"
  | /** Ended with an error; see `Turn.error`. */ "failed"
  | /** Still running. */ "inProgress";

/** One round of user input and agent work. */
export interface Turn {
  /** Turn id. */
  id: string;
  /**
   * Items of the turn. Only filled by `thread/resume`, `thread/fork` and
   * `thread/read` with `includeTurns`; empty in other responses and notifications.
   */
  items: ThreadItem[];
  /** Current state. */
  status: TurnStatus;
  /** Why the turn failed; only set when `status` is `failed`. */
  error: TurnError | null;
}

// === User input ===

/** Byte range inside a text buffer. */
export interface ByteRange {
  /** Start offset in bytes (inclusive). */
  start: number;
  /** End offset in bytes (exclusive). */
  end: number;
}

/** A UI-defined span inside user text (a pasted image placeholder, a mention chip…). */
export interface TextElement {
  /** Where the element sits in the parent `text`. */
  byteRange: ByteRange;
  /** Human-readable placeholder shown for the element. */
  placeholder: string | null;
}

/** One piece of user input. */
export type UserInput =
  | /** Plain text. */ {
      /** Variant tag. */
      type: "text";
      /** The text. */
      text: string;
      /** UI-defined spans inside `text`, kept so clients can re-render them. Snake_case on the wire, as in codex. */
      text_elements: TextElement[];
    }
  | /** An image by URL (http(s) or data URL). */ {
      /** Variant tag. */
      type: "image";
      /** Image URL. */
      url: string;
    }
  | /** An image file on the server's machine. */ {
      /** Variant tag. */
      type: "localImage";
      /** Absolute path of the image. */
      path: string;
    }
  | /** Explicit use of a skill. */ {
      /** Variant tag. */
      type: "skill";
      /** Skill name. */
      name: string;
      /** Path of the skill's SKILL.md. */
      path: string;
    }
  | /** A `$` mention of an app or other resource. */ {
      /** Variant tag. */
      type: "mention";
      /** Display name of the mentioned resource. */
      name: string;
      /** Resource locator, e.g. `app://<connector id>`. */
      path: string;
    };

// === turn/start ===

/** Params of `turn/start`: send user input and run a new turn. Overrides apply to this turn and the following ones. */
export interface TurnStartParams {
  /** Thread to run the turn in. */
  threadId: string;
  /** User input for the turn. */
  input: UserInput[];
  /** Working directory override. */
  cwd?: string | null;
  /** Approval policy override. */
  approvalPolicy?: AskForApproval | null;
  /** Sandbox policy override. */
  sandboxPolicy?: SandboxPolicy | null;
  /** Model override. */
  model?: string | null;
  /** Service tier override. */
  serviceTier?: ServiceTier | null;
  /** Reasoning effort override. */
  effort?: ReasoningEffort | null;
  /** Reasoning summary override. */
  summary?: ReasoningSummary | null;
  /** Personality override. */
  personality?: Personality | null;
  /** JSON Schema the final assistant message of this turn must satisfy (this turn only). */
  outputSchema?: unknown;
  /**
   * Collaboration mode preset for the turn; takes precedence over `model`,
   * `effort` and developer instructions. For
   * `collaborationMode.settings.developer_instructions`, `null` means "use the
   * built-in instructions for the selected mode", not "no instructions".
   * @experimental turn/start.collaborationMode
   */
  collaborationMode?: CollaborationMode | null;
}

/** Result of `turn/start`. */
export interface TurnStartResponse {
  /** The new turn, `inProgress`, without items. */
  turn: Turn;
}

// === turn/steer ===

/**
 * Params of `turn/steer`: append user input to the turn that is running.
 * Takes no overrides (cwd, model, sandbox, output schema…), because they
 * would not apply to a turn already in flight; does not emit `turn/started`.
 * Fails with a JSON-RPC error when no turn is active.
 */
export interface TurnSteerParams {
  /** Thread whose active turn receives the input. */
  threadId: string;
  /** Input to append. */
  input: UserInput[];
  /** When given, the request fails unless this is the id of the active turn. */
  expectedTurnId?: string | null;
}

/** Result of `turn/steer`. */
export interface TurnSteerResponse {
  /** Id of the turn that received the input. */
  turnId: string;
}

// === turn/interrupt ===

/** Params of `turn/interrupt`: stop a running turn. */
export interface TurnInterruptParams {
  /** Thread of the turn. */
  threadId: string;
  /** Turn to interrupt. */
  turnId: string;
}

/** Result of `turn/interrupt` (empty); the turn then completes as `interrupted`. */
export interface TurnInterruptResponse {}

// === Notifications ===

/** Payload of `turn/started`. */
export interface TurnStartedNotification {
  /** Thread of the turn. */
  threadId: string;
  /** The turn that started. */
  turn: Turn;
}

/** Payload of `turn/completed`: the turn reached a final status. */
export interface TurnCompletedNotification {
  /** Thread of the turn. */
  threadId: string;
  /** The turn, with its final `status` and `error`. */
  turn: Turn;
}
