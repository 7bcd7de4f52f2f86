// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { RequestId } from "./RequestId.js";
import type { CommandExecutionRequestApprovalParams } from "./v2/CommandExecutionRequestApprovalParams.js";
import type { DynamicToolCallParams } from "./v2/DynamicToolCallParams.js";
import type { FileChangeRequestApprovalParams } from "./v2/FileChangeRequestApprovalParams.js";
import type { ToolRequestUserInputParams } from "./v2/ToolRequestUserInputParams.js";

/** Every request the server can send, as it appears on the wire. */
export type ServerRequest =
  /** Ask the client whether a command may run (turns started with `turn/start`). */
  | {
      method: "item/commandExecution/requestApproval";
      id: RequestId;
      params: CommandExecutionRequestApprovalParams;
    }
  /** Ask the client whether file changes may be applied (turns started with `turn/start`). */
  | {
      method: "item/fileChange/requestApproval";
      id: RequestId;
      params: FileChangeRequestApprovalParams;
    }
  /** Run a client-implemented (dynamic) tool the model called and return its output. */
  | {
      method: "item/tool/call";
      id: RequestId;
      params: DynamicToolCallParams;
    }
  /** Ask the user questions on behalf of the agent (`request_user_input` tool). */
  | {
      method: "item/tool/requestUserInput";
      id: RequestId;
      params: ToolRequestUserInputParams;
    };
