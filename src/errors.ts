/**
 * Errors that end a command with a known exit code. Problems in the input are
 * diagnostics, not errors; anything else thrown is a bug (exit 70).
 */
export class SchemagateError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad flags, a missing input, a bad config, an unmanaged output folder: exit 2. */
export class UsageError extends SchemagateError {
  constructor(message: string) {
    super(message, 2);
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 70;
