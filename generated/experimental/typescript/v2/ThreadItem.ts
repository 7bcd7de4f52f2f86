// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { CollabAgentState } from "./CollabAgentState.js";
import type { CollabAgentTool } from "./CollabAgentTool.js";
import type { CollabAgentToolCallStatus } from "./CollabAgentToolCallStatus.js";
import type { CommandAction } from "./CommandAction.js";
import type { CommandExecutionStatus } from "./CommandExecutionStatus.js";
import type { DynamicToolCallOutputContentItem } from "./DynamicToolCallOutputContentItem.js";
import type { DynamicToolCallStatus } from "./DynamicToolCallStatus.js";
import type { FileUpdateChange } from "./FileUpdateChange.js";
import type { McpToolCallError } from "./McpToolCallError.js";
import type { McpToolCallResult } from "./McpToolCallResult.js";
import type { McpToolCallStatus } from "./McpToolCallStatus.js";
import type { PatchApplyStatus } from "./PatchApplyStatus.js";
import type { UserInput } from "./UserInput.js";
import type { WebSearchAction } from "./WebSearchAction.js";

/** One unit of a turn, tagged by `type`. */
export type ThreadItem =
  /** A message from the user. */
  | {
      /** Variant tag. */
      type: "userMessage";
      /** Item id. */
      id: string;
      /** What the user sent. */
      content: UserInput[];
    }
  /** A message from the agent. */
  | {
      /** Variant tag. */
      type: "agentMessage";
      /** Item id. */
      id: string;
      /** Message text (markdown). */
      text: string;
    }
  /**
   * A proposed plan, produced in the `plan` collaboration mode. Marked
   * experimental by schemagate (codex documents the variant as EXPERIMENTAL):
   * plan items only come from `turn/start.collaborationMode`, which is itself
   * experimental.
   *
   * @experimental ThreadItem.plan
   */
  | {
      /** Variant tag. */
      type: "plan";
      /** Item id. */
      id: string;
      /** The plan text; authoritative over any streamed deltas. */
      text: string;
    }
  /** Model reasoning. */
  | {
      /** Variant tag. */
      type: "reasoning";
      /** Item id. */
      id: string;
      /** Reasoning summary parts. */
      summary: string[];
      /** Raw reasoning text parts, when the model exposes them. */
      content: string[];
    }
  /** A shell command run by the agent. */
  | {
      /** Variant tag. */
      type: "commandExecution";
      /** Item id. */
      id: string;
      /** The command line. */
      command: string;
      /** Working directory of the command. */
      cwd: string;
      /** Id of the underlying PTY process, when there is one. */
      processId: string | null;
      /** Current state. */
      status: CommandExecutionStatus;
      /** Best-effort parse of the command into actions (one shell line may chain several). */
      commandActions: CommandAction[];
      /** Combined stdout and stderr (truncated when persisted). */
      aggregatedOutput: string | null;
      /** Exit code, once exited. */
      exitCode: number | null;
      /** Run time in milliseconds, once exited. */
      durationMs: number | null;
    }
  /** Edits to files. */
  | {
      /** Variant tag. */
      type: "fileChange";
      /** Item id. */
      id: string;
      /** Files touched. */
      changes: FileUpdateChange[];
      /** Current state. */
      status: PatchApplyStatus;
    }
  /** A call to a tool of an MCP server. */
  | {
      /** Variant tag. */
      type: "mcpToolCall";
      /** Item id. */
      id: string;
      /** MCP server name. */
      server: string;
      /** Tool name. */
      tool: string;
      /** Current state. */
      status: McpToolCallStatus;
      /** Tool arguments as sent. */
      arguments: unknown;
      /** Result, once completed. */
      result: McpToolCallResult | null;
      /** Error, once failed. */
      error: McpToolCallError | null;
      /** Run time in milliseconds, once finished. */
      durationMs: number | null;
    }
  /** A call to a client-implemented tool (see `thread/start.dynamicTools` and `item/tool/call`). */
  | {
      /** Variant tag. */
      type: "dynamicToolCall";
      /** Item id (the `callId` of the `item/tool/call` request). */
      id: string;
      /** Tool name. */
      tool: string;
      /** Tool arguments as sent to the client. */
      arguments: unknown;
      /** Current state. */
      status: DynamicToolCallStatus;
      /** Output returned by the client, once answered. */
      contentItems: DynamicToolCallOutputContentItem[] | null;
      /** Whether the client reported success, once answered. */
      success: boolean | null;
      /** Time until the client answered, in milliseconds. */
      durationMs: number | null;
    }
  /** A multi-agent collaboration tool call. */
  | {
      /** Variant tag. */
      type: "collabAgentToolCall";
      /** Item id. */
      id: string;
      /** Collab tool invoked. */
      tool: CollabAgentTool;
      /** Current state. */
      status: CollabAgentToolCallStatus;
      /** Thread of the agent that made the call. */
      senderThreadId: string;
      /** Threads of the target agents; for `spawnAgent`, the new agent. */
      receiverThreadIds: string[];
      /** Prompt sent with the call, when there is one. */
      prompt: string | null;
      /** Last known state of each target agent, keyed by thread id. */
      agentsStates: { [key in string]?: CollabAgentState };
    }
  /** A web search. */
  | {
      /** Variant tag. */
      type: "webSearch";
      /** Item id. */
      id: string;
      /** The query. */
      query: string;
      /** Detailed action, when reported. */
      action: WebSearchAction | null;
    }
  /** The agent looked at an image file. */
  | {
      /** Variant tag. */
      type: "imageView";
      /** Item id. */
      id: string;
      /** Path of the image. */
      path: string;
    }
  /** A review started. */
  | {
      /** Variant tag. */
      type: "enteredReviewMode";
      /** Item id. */
      id: string;
      /** What is being reviewed, for display. */
      review: string;
    }
  /** A review ended. */
  | {
      /** Variant tag. */
      type: "exitedReviewMode";
      /** Item id. */
      id: string;
      /** The review text. */
      review: string;
    }
  /** The conversation history was compacted. */
  | {
      /** Variant tag. */
      type: "contextCompaction";
      /** Item id. */
      id: string;
    };
