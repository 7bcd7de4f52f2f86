// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { ServiceTier } from "../ServiceTier.js";
import type { AskForApproval } from "./AskForApproval.js";
import type { SandboxMode } from "./SandboxMode.js";

/**
 * Params of `thread/fork`: copy a stored thread (by id, or by rollout path)
 * into a new thread, optionally overriding configuration. Written as a class
 * to show the decorator form of the experimental marker.
 */
export type ThreadForkParams = {
  /** Thread to fork. Ignored when `path` is given. */
  threadId: string;
  /**
   * Rollout file to fork from instead of looking the thread up by id.
   *
   * @experimental thread/fork.path
   */
  path?: string | null;
  /** Model override for the new thread. */
  model?: string | null;
  /** Model provider override for the new thread. */
  modelProvider?: string | null;
  /** Service tier override for the new thread. */
  serviceTier?: ServiceTier | null;
  /** Working directory override for the new thread. */
  cwd?: string | null;
  /** Approval policy override for the new thread. */
  approvalPolicy?: AskForApproval | null;
  /** Sandbox mode override for the new thread. */
  sandbox?: SandboxMode | null;
  /** Config overrides, keyed by dotted config path. */
  config?: { [key in string]?: unknown } | null;
  /** Base instructions override. */
  baseInstructions?: string | null;
  /** Developer instructions override. */
  developerInstructions?: string | null;
  /**
   * Persist the extended event set for the new thread, so its later resume/fork/read are lossless.
   *
   * @experimental thread/fork.persistFullHistory
   */
  persistExtendedHistory?: boolean;
};
