// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

export type { ClientInfo } from "./ClientInfo.js";
export type { ClientNotification } from "./ClientNotification.js";
export type { ClientRequest } from "./ClientRequest.js";
export type { CollaborationMode } from "./CollaborationMode.js";
export type { InitializeCapabilities } from "./InitializeCapabilities.js";
export type { InitializeParams } from "./InitializeParams.js";
export type { InitializeResponse } from "./InitializeResponse.js";
export type { InputModality } from "./InputModality.js";
export type { ModeKind } from "./ModeKind.js";
export type { Personality } from "./Personality.js";
export type { ReasoningEffort } from "./ReasoningEffort.js";
export type { ReasoningSummary } from "./ReasoningSummary.js";
export type { RequestId } from "./RequestId.js";
export type { ServerNotification } from "./ServerNotification.js";
export type { ServerRequest } from "./ServerRequest.js";
export type { ServiceTier } from "./ServiceTier.js";
export type { Settings } from "./Settings.js";
export type { SubAgentSource } from "./SubAgentSource.js";
export type { WebSearchMode } from "./WebSearchMode.js";
export type * as v2 from "./v2/index.js";
