/** Static answers: models, collaboration modes, apps, config requirements. */
import type { v2 } from "../protocol-types.js";
import { ok, paginate, type Outcome, type ParamsOf } from "./context.js";

const MODELS: readonly v2.Model[] = [
  {
    id: "example-model",
    model: "example-model",
    upgrade: null,
    displayName: "Example",
    description: "The default model of the example server (there is no model behind it).",
    showInPicker: true,
    supportedReasoningEfforts: [
      { reasoningEffort: "low", description: "Fast answers" },
      { reasoningEffort: "medium", description: "Balanced" },
      { reasoningEffort: "high", description: "Thorough" },
    ],
    defaultReasoningEffort: "medium",
    inputModalities: ["text", "image"],
    supportsPersonality: true,
    isDefault: true,
  },
  {
    id: "example-model-mini",
    model: "example-model-mini",
    upgrade: "example-model",
    displayName: "Example mini",
    description: "A hidden model: listed, but clients should not show it in the picker.",
    showInPicker: false,
    supportedReasoningEfforts: [{ reasoningEffort: "low", description: "Fast answers" }],
    defaultReasoningEffort: "low",
    inputModalities: ["text"],
    supportsPersonality: false,
    isDefault: false,
  },
];

export function listModels(params: ParamsOf<"model/list">): Outcome<v2.ModelListResponse> {
  const paged = paginate(MODELS, params.cursor, params.limit, 50);
  if ("error" in paged) return paged;
  return ok({ data: paged.result.page, nextCursor: paged.result.nextCursor });
}

export function listCollaborationModes(): Outcome<v2.CollaborationModeListResponse> {
  return ok({
    data: [
      { name: "Plan", mode: "plan", model: null, reasoning_effort: "high", developer_instructions: null },
      { name: "Default", mode: "default", model: null, reasoning_effort: null, developer_instructions: null },
    ],
  });
}

export function listApps(): Outcome<v2.AppsListResponse> {
  return ok({ data: [], nextCursor: null });
}

export function readConfigRequirements(): Outcome<v2.ConfigRequirementsReadResponse> {
  return ok({ requirements: null });
}
