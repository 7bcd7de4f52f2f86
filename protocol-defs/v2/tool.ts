/**
 * Client-side tools: dynamic tools the client implements (`item/tool/call`)
 * and questions the agent asks the user (`item/tool/requestUserInput`).
 */

// === Dynamic tools ===

/**
 * A tool implemented by the client, offered to the model through
 * `thread/start.dynamicTools`. Experimental as a whole: it may only be
 * reached through that experimental field.
 * @experimental thread/start.dynamicTools
 */
export interface DynamicToolSpec {
  /** Tool name the model calls. */
  name: string;
  /** What the tool does, shown to the model. */
  description: string;
  /** JSON Schema of the tool's arguments. */
  inputSchema: unknown;
}

/** Params of `item/tool/call`: the model called a dynamic tool; the client runs it and answers. */
export interface DynamicToolCallParams {
  /** Thread of the call. */
  threadId: string;
  /** Turn of the call. */
  turnId: string;
  /** Call id; also the id of the `dynamicToolCall` item. */
  callId: string;
  /** Tool name. */
  tool: string;
  /** Arguments chosen by the model. */
  arguments: unknown;
}

/** One piece of dynamic tool output, tagged by `type`. */
export type DynamicToolCallOutputContentItem =
  | /** Text output. */ {
      /** Variant tag. */
      type: "inputText";
      /** The text. */
      text: string;
    }
  | /** Image output. */ {
      /** Variant tag. */
      type: "inputImage";
      /** Image URL or data URL. */
      imageUrl: string;
    };

/** Result of `item/tool/call`. */
export interface DynamicToolCallResponse {
  /** Output handed back to the model (text and images). */
  contentItems: DynamicToolCallOutputContentItem[];
  /** Whether the tool succeeded. */
  success: boolean;
}

// === Request user input ===

/** One selectable answer to a question. */
export interface ToolRequestUserInputOption {
  /** Short label shown on the choice. */
  label: string;
  /** What choosing it means. */
  description: string;
}

/** One question the agent asks the user. */
export interface ToolRequestUserInputQuestion {
  /** Question id; key of its answer in the response. */
  id: string;
  /** Short header shown above the question. */
  header: string;
  /** The question text. */
  question: string;
  /** Whether a free-form "other" answer is offered besides the options. */
  isOther: boolean;
  /**
   * The answer is a secret and must be typed into a masked field, not echoed.
   * Marked experimental by schemagate (codex ships it unmarked): a client that
   * cannot mask input must not be asked, so the server sends secret questions
   * only to connections that opted in.
   * @experimental
   */
  isSecret?: boolean;
  /** Choices to offer; null for a free-form answer. */
  options: ToolRequestUserInputOption[] | null;
}

/** Params of `item/tool/requestUserInput`: the agent asks the user one or more questions. */
export interface ToolRequestUserInputParams {
  /** Thread of the request. */
  threadId: string;
  /** Turn of the request. */
  turnId: string;
  /** Item the request belongs to. */
  itemId: string;
  /** Questions to ask. */
  questions: ToolRequestUserInputQuestion[];
}

/** The user's answer to one question. */
export interface ToolRequestUserInputAnswer {
  /** Chosen option labels or typed text. */
  answers: string[];
}

/** Result of `item/tool/requestUserInput`. */
export interface ToolRequestUserInputResponse {
  /** Answers keyed by question id. */
  answers: Record<string, ToolRequestUserInputAnswer>;
}
