// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** How the web search tool may be used. */
export type WebSearchMode =
  /** Web search is off. */
  | "disabled"
  /** Only cached search results are used; no live fetches. */
  | "cached"
  /** Live web requests are allowed. */
  | "live";
