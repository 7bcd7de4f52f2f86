// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/**
 * Params of `thread/backgroundTerminals/clean`: terminate the background
 * terminals (unified exec processes) a thread keeps alive across turns. The
 * whole type is experimental (class decorator form).
 *
 * @experimental thread/backgroundTerminals/clean
 */
export type ThreadBackgroundTerminalsCleanParams = {
  /** Thread whose background terminals are terminated. */
  threadId: string;
};
