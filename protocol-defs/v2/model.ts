/** Model catalogue (`model/list`) and model reroute notices. */
import type { InputModality, ReasoningEffort } from "../shared.js";

/** A reasoning effort a model supports, with a description for pickers. */
export interface ReasoningEffortOption {
  /** The effort level. */
  reasoningEffort: ReasoningEffort;
  /** What the level means for this model. */
  description: string;
}

/** A model the server can run. */
export interface Model {
  /** Catalogue id. */
  id: string;
  /** Model slug sent upstream. */
  model: string;
  /** Id of the model users are encouraged to switch to, if any. */
  upgrade: string | null;
  /** Name shown to users. */
  displayName: string;
  /** Short description shown to users. */
  description: string;
  /**
   * Whether the model belongs in the default picker. `model/list` returns every
   * model; clients filter on this flag.
   */
  showInPicker: boolean;
  /** Reasoning efforts the model supports. */
  supportedReasoningEfforts: ReasoningEffortOption[];
  /** Effort used when none is requested. */
  defaultReasoningEffort: ReasoningEffort;
  /** Kinds of input the model accepts. */
  inputModalities: InputModality[];
  /** Whether the model honours `personality`. */
  supportsPersonality: boolean;
  /** Whether this is the default model; at most one is. */
  isDefault: boolean;
}

/** Params of `model/list`: page through all models, including those hidden from the picker. */
export interface ModelListParams {
  /** Opaque cursor from a previous page. */
  cursor?: string | null;
  /** Page size; the server picks a default. */
  limit?: number | null;
}

/** Result of `model/list`. */
export interface ModelListResponse {
  /** One page of models. */
  data: Model[];
  /** Cursor for the next page; null when there are no more models. */
  nextCursor: string | null;
}

/**
 * Why a request was served by a different model. `highRiskCyberActivity`:
 * cyber-safety checks downgraded the request to a fallback model.
 */
export type ModelRerouteReason = "highRiskCyberActivity";

/** Payload of `model/rerouted`: a turn's request was served by another model than the one requested. */
export interface ModelReroutedNotification {
  /** Thread of the turn. */
  threadId: string;
  /** Turn that was rerouted. */
  turnId: string;
  /** Model that was requested. */
  fromModel: string;
  /** Model that actually served the request. */
  toModel: string;
  /** Why. */
  reason: ModelRerouteReason;
}
