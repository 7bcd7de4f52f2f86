// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Managed network proxy requirements. Trimmed to the fields clients display. */
export type NetworkRequirements = {
  /** Whether the managed network proxy is enabled. */
  enabled: boolean | null;
  /** Port of the HTTP proxy. */
  httpPort: number | null;
  /** Port of the SOCKS proxy. */
  socksPort: number | null;
  /** Domains that are always allowed. */
  allowedDomains: string[] | null;
  /** Domains that are always denied. */
  deniedDomains: string[] | null;
  /** Whether commands may bind local ports. */
  allowLocalBinding: boolean | null;
};
