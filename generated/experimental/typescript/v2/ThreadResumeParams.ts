// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { Personality } from "../Personality.js";
import type { ServiceTier } from "../ServiceTier.js";
import type { AskForApproval } from "./AskForApproval.js";
import type { SandboxMode } from "./SandboxMode.js";

/**
 * Params of `thread/resume`: load a stored thread (by id, or by rollout path)
 * and subscribe to it, optionally overriding configuration.
 */
export type ThreadResumeParams = {
  /** Thread to resume. Ignored when `path` is given. */
  threadId: string;
  /**
   * Rollout file to resume from instead of looking the thread up by id.
   *
   * @experimental thread/resume.path
   */
  path?: string | null;
  /** Model override. */
  model?: string | null;
  /** Model provider override. */
  modelProvider?: string | null;
  /** Service tier override. */
  serviceTier?: ServiceTier | null;
  /** Working directory override. */
  cwd?: string | null;
  /** Approval policy override. */
  approvalPolicy?: AskForApproval | null;
  /** Sandbox mode override. */
  sandbox?: SandboxMode | null;
  /** Config overrides, keyed by dotted config path. */
  config?: { [key in string]?: unknown } | null;
  /** Base instructions override. */
  baseInstructions?: string | null;
  /** Developer instructions override. */
  developerInstructions?: string | null;
  /** Personality override. */
  personality?: Personality | null;
  /**
   * Persist the extended event set from now on, so later resume/fork/read are lossless.
   *
   * @experimental thread/resume.persistFullHistory
   */
  persistExtendedHistory?: boolean;
};
