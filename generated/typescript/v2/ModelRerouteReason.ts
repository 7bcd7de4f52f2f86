// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/**
 * Why a request was served by a different model. `highRiskCyberActivity`:
 * cyber-safety checks downgraded the request to a fallback model.
 */
export type ModelRerouteReason = "highRiskCyberActivity";
