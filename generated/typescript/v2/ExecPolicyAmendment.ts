// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Command prefix (argv) that an execpolicy amendment would allow from now on. */
export type ExecPolicyAmendment = string[];
