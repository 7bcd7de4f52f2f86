// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Processing tier requested for model calls. */
export type ServiceTier =
  /** Lower latency at a higher price. */
  | "fast"
  /** Cheaper, best-effort latency. */
  | "flex";
