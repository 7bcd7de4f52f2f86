/**
 * Compile-time checks against the STABLE generated types: this file must
 * compile clean (test/e2e/client-types.test.ts). Each `@ts-expect-error` marks
 * experimental surface that stable types must refuse; if the types ever
 * accepted it, the directive itself would become the error.
 */
import type { ClientRequest, ServerNotification, v2 } from "../../../generated/typescript/index.js";

export const plain: v2.ThreadStartParams = { cwd: "/work", ephemeral: true };

export const withExperimentalField: v2.ThreadStartParams = {
  cwd: "/work",
  // @ts-expect-error persistExtendedHistory is experimental (thread/start.persistExtendedHistory)
  persistExtendedHistory: true,
};

export const resume: v2.ThreadResumeParams = {
  threadId: "t",
  // @ts-expect-error path is experimental (thread/resume.path)
  path: "/rollouts/t.jsonl",
};

// @ts-expect-error thread/realtime/start is an experimental method
export const realtime: ClientRequest["method"] = "thread/realtime/start";

// @ts-expect-error thread/realtime/started is an experimental notification
export const realtimeStarted: ServerNotification["method"] = "thread/realtime/started";

export const stableMethod: ClientRequest["method"] = "thread/unsubscribe";
