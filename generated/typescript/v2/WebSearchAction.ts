// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** What a web search call did. */
export type WebSearchAction =
  /** Ran a search. */
  | {
      /** Variant tag. */
      type: "search";
      /** The query, when reported. */
      query: string | null;
      /** All queries, when several were run. */
      queries: string[] | null;
    }
  /** Opened a page. */
  | {
      /** Variant tag. */
      type: "openPage";
      /** Page URL, when reported. */
      url: string | null;
    }
  /** Searched inside a page. */
  | {
      /** Variant tag. */
      type: "findInPage";
      /** Page URL, when reported. */
      url: string | null;
      /** Pattern searched for, when reported. */
      pattern: string | null;
    }
  /** Any other action. */
  | {
      /** Variant tag. */
      type: "other";
    };
