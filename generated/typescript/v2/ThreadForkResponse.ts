// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { ReasoningEffort } from "../ReasoningEffort.js";
import type { ServiceTier } from "../ServiceTier.js";
import type { AskForApproval } from "./AskForApproval.js";
import type { SandboxPolicy } from "./SandboxPolicy.js";
import type { Thread } from "./Thread.js";

/** Result of `thread/fork`. */
export type ThreadForkResponse = {
  /** The new thread, with the turns copied from the source. */
  thread: Thread;
  /** Model in effect. */
  model: string;
  /** Model provider in effect. */
  modelProvider: string;
  /** Service tier in effect, if any. */
  serviceTier: ServiceTier | null;
  /** Working directory in effect. */
  cwd: string;
  /** Approval policy in effect. */
  approvalPolicy: AskForApproval;
  /** Sandbox policy in effect. */
  sandbox: SandboxPolicy;
  /** Reasoning effort in effect; null when the model default applies. */
  reasoningEffort: ReasoningEffort | null;
};
