// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Data residency the administrator enforces; `us` keeps data in the United States. */
export type ResidencyRequirement = "us";
