/**
 * The same uses against the EXPERIMENTAL generated types, where they are
 * accepted: this file must compile clean (test/e2e/client-types.test.ts).
 */
import type { ClientRequest, ServerNotification, v2 } from "../../../generated/experimental/typescript/index.js";

export const withExperimentalField: v2.ThreadStartParams = { cwd: "/work", persistExtendedHistory: true };

export const resume: v2.ThreadResumeParams = { threadId: "t", path: "/rollouts/t.jsonl" };

export const realtime: ClientRequest["method"] = "thread/realtime/start";

export const realtimeStarted: ServerNotification["method"] = "thread/realtime/started";
