/**
 * Thread items: the user inputs and agent outputs that make up a turn, and
 * the `item/started` / `item/completed` notifications that stream them.
 */
import type { DynamicToolCallOutputContentItem } from "./tool.js";
import type { UserInput } from "./turn.js";

// === Command execution ===

/** State of a command execution item. */
export type CommandExecutionStatus =
  | /** Running. */ "inProgress"
  | /** Exited (any exit code). */ "completed"
  | /** Could not be run. */ "failed"
  | /** The user declined the approval request. */ "declined";

/** Best-effort reading of what a shell command does, for friendly display. */
export type CommandAction =
  | /** Reads a file. */ {
      /** Variant tag. */
      type: "read";
      /** The (sub)command. */
      command: string;
      /** File name shown to the user. */
      name: string;
      /** Path read. */
      path: string;
    }
  | /** Lists files. */ {
      /** Variant tag. */
      type: "listFiles";
      /** The (sub)command. */
      command: string;
      /** Directory listed, when known. */
      path: string | null;
    }
  | /** Searches file contents or names. */ {
      /** Variant tag. */
      type: "search";
      /** The (sub)command. */
      command: string;
      /** Search query, when known. */
      query: string | null;
      /** Where the search runs, when known. */
      path: string | null;
    }
  | /** Anything not recognised. */ {
      /** Variant tag. */
      type: "unknown";
      /** The (sub)command. */
      command: string;
    };

// === File change ===

/** What a file change does to its file. */
export type PatchChangeKind =
  | /** Creates the file. */ {
      /** Variant tag. */
      type: "add";
    }
  | /** Deletes the file. */ {
      /** Variant tag. */
      type: "delete";
    }
  | /** Edits the file, possibly moving it. */ {
      /** Variant tag. */
      type: "update";
      /** New path when the file is also moved. */
      move_path: string | null;
    };

/** One file touched by a file change item. */
export interface FileUpdateChange {
  /** File path. */
  path: string;
  /** Kind of change. */
  kind: PatchChangeKind;
  /** Unified diff of the change. */
  diff: string;
}

/** State of a file change item. */
export type PatchApplyStatus =
  | /** Being applied. */ "inProgress"
  | /** Applied. */ "completed"
  | /** Failed to apply. */ "failed"
  | /** The user declined the approval request. */ "declined";

// === MCP tool call ===

/** State of an MCP tool call item. */
export type McpToolCallStatus =
  | /** Running. */ "inProgress"
  | /** Returned a result. */ "completed"
  | /** Failed. */ "failed";

/** Result of an MCP tool call, in MCP's wire shape. */
export interface McpToolCallResult {
  /** MCP content blocks. */
  content: unknown[];
  /** MCP structured content, when the tool returned any. */
  structuredContent: unknown;
}

/** Error of a failed MCP tool call. */
export interface McpToolCallError {
  /** Error message. */
  message: string;
}

// === Dynamic tool call ===

/** State of a dynamic (client-implemented) tool call item. */
export type DynamicToolCallStatus =
  | /** The `item/tool/call` request is pending. */ "inProgress"
  | /** The client answered with `success: true`. */ "completed"
  | /** The client answered with `success: false`, or the call failed. */ "failed";

// === Collab agent tool call ===

/** Multi-agent collaboration tool the model invoked. */
export type CollabAgentTool =
  | /** Start a new sub-agent. */ "spawnAgent"
  | /** Send input to a sub-agent. */ "sendInput"
  | /** Resume a previously closed sub-agent from its rollout history (its base instructions are kept). */ "resumeAgent"
  | /** Wait for sub-agents to finish. */ "wait"
  | /** Shut a sub-agent down. */ "closeAgent";

/** State of a collab tool call item. */
export type CollabAgentToolCallStatus =
  | /** Running. */ "inProgress"
  | /** Done. */ "completed"
  | /** Failed. */ "failed";

/** Last known state of a sub-agent. */
export type CollabAgentStatus =
  | /** Being initialised. */ "pendingInit"
  | /** Working. */ "running"
  | /** Interrupted. */ "interrupted"
  | /** Finished. */ "completed"
  | /** Failed. */ "errored"
  | /** Shut down. */ "shutdown"
  | /** No such agent. */ "notFound";

/** State of one sub-agent as seen by a collab tool call. */
export interface CollabAgentState {
  /** Agent state. */
  status: CollabAgentStatus;
  /** Final message or error text, when there is one. */
  message: string | null;
}

// === Web search ===

/** What a web search call did. */
export type WebSearchAction =
  | /** Ran a search. */ {
      /** Variant tag. */
      type: "search";
      /** The query, when reported. */
      query: string | null;
      /** All queries, when several were run. */
      queries: string[] | null;
    }
  | /** Opened a page. */ {
      /** Variant tag. */
      type: "openPage";
      /** Page URL, when reported. */
      url: string | null;
    }
  | /** Searched inside a page. */ {
      /** Variant tag. */
      type: "findInPage";
      /** Page URL, when reported. */
      url: string | null;
      /** Pattern searched for, when reported. */
      pattern: string | null;
    }
  | /** Any other action. */ {
      /** Variant tag. */
      type: "other";
    };

// === ThreadItem ===

/** One unit of a turn, tagged by `type`. */
export type ThreadItem =
  | /** A message from the user. */ {
      /** Variant tag. */
      type: "userMessage";
      /** Item id. */
      id: string;
      /** What the user sent. */
      content: UserInput[];
    }
  | /** A message from the agent. */ {
      /** Variant tag. */
      type: "agentMessage";
      /** Item id. */
      id: string;
      /** Message text (markdown). */
      text: string;
    }
  | /**
     * A proposed plan, produced in the `plan` collaboration mode. Marked
     * experimental by schemagate (codex documents the variant as EXPERIMENTAL):
     * plan items only come from `turn/start.collaborationMode`, which is itself
     * experimental.
     * @experimental ThreadItem.plan
     */ {
      /** Variant tag. */
      type: "plan";
      /** Item id. */
      id: string;
      /** The plan text; authoritative over any streamed deltas. */
      text: string;
    }
  | /** Model reasoning. */ {
      /** Variant tag. */
      type: "reasoning";
      /** Item id. */
      id: string;
      /** Reasoning summary parts. */
      summary: string[];
      /** Raw reasoning text parts, when the model exposes them. */
      content: string[];
    }
  | /** A shell command run by the agent. */ {
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
  | /** Edits to files. */ {
      /** Variant tag. */
      type: "fileChange";
      /** Item id. */
      id: string;
      /** Files touched. */
      changes: FileUpdateChange[];
      /** Current state. */
      status: PatchApplyStatus;
    }
  | /** A call to a tool of an MCP server. */ {
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
  | /** A call to a client-implemented tool (see `thread/start.dynamicTools` and `item/tool/call`). */ {
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
  | /** A multi-agent collaboration tool call. */ {
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
      agentsStates: Record<string, CollabAgentState>;
    }
  | /** A web search. */ {
      /** Variant tag. */
      type: "webSearch";
      /** Item id. */
      id: string;
      /** The query. */
      query: string;
      /** Detailed action, when reported. */
      action: WebSearchAction | null;
    }
  | /** The agent looked at an image file. */ {
      /** Variant tag. */
      type: "imageView";
      /** Item id. */
      id: string;
      /** Path of the image. */
      path: string;
    }
  | /** A review started. */ {
      /** Variant tag. */
      type: "enteredReviewMode";
      /** Item id. */
      id: string;
      /** What is being reviewed, for display. */
      review: string;
    }
  | /** A review ended. */ {
      /** Variant tag. */
      type: "exitedReviewMode";
      /** Item id. */
      id: string;
      /** The review text. */
      review: string;
    }
  | /** The conversation history was compacted. */ {
      /** Variant tag. */
      type: "contextCompaction";
      /** Item id. */
      id: string;
    };

// === Notifications ===

/** Payload of `item/started`: an item began. */
export interface ItemStartedNotification {
  /** The item in its initial state. */
  item: ThreadItem;
  /** Thread of the item. */
  threadId: string;
  /** Turn of the item. */
  turnId: string;
}

/** Payload of `item/completed`: an item reached its final state. */
export interface ItemCompletedNotification {
  /** The item in its final state. */
  item: ThreadItem;
  /** Thread of the item. */
  threadId: string;
  /** Turn of the item. */
  turnId: string;
}
