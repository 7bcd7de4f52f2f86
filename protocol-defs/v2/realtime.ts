/**
 * Thread-scoped realtime (voice) sessions. Every method and notification here
 * is experimental; the registry marks them, so these types are only reachable
 * through experimental surface and disappear from the stable output.
 */

/** A chunk of PCM audio, base64-encoded. */
export interface ThreadRealtimeAudioChunk {
  /** Base64-encoded 16-bit PCM samples. */
  data: string;
  /** Sample rate in Hz, e.g. 24000. */
  sampleRate: number;
  /** Number of interleaved channels. */
  numChannels: number;
  /** Samples per channel in this chunk, when known. */
  samplesPerChannel: number | null;
}

/** Params of `thread/realtime/start`: open a realtime session bound to a thread. */
export interface ThreadRealtimeStartParams {
  /** Thread the session belongs to. */
  threadId: string;
  /** Instructions for the realtime model. */
  prompt: string;
  /** Existing realtime session to reattach to. */
  sessionId?: string | null;
}

/** Result of `thread/realtime/start` (empty); `thread/realtime/started` follows. */
export interface ThreadRealtimeStartResponse {}

/** Params of `thread/realtime/appendAudio`: stream microphone audio into the session. */
export interface ThreadRealtimeAppendAudioParams {
  /** Thread of the session. */
  threadId: string;
  /** Audio to append. */
  audio: ThreadRealtimeAudioChunk;
}

/** Result of `thread/realtime/appendAudio` (empty). */
export interface ThreadRealtimeAppendAudioResponse {}

/** Params of `thread/realtime/appendText`: send text input into the session. */
export interface ThreadRealtimeAppendTextParams {
  /** Thread of the session. */
  threadId: string;
  /** Text to append. */
  text: string;
}

/** Result of `thread/realtime/appendText` (empty). */
export interface ThreadRealtimeAppendTextResponse {}

/** Params of `thread/realtime/stop`: close the session. */
export interface ThreadRealtimeStopParams {
  /** Thread of the session. */
  threadId: string;
}

/** Result of `thread/realtime/stop` (empty); `thread/realtime/closed` follows. */
export interface ThreadRealtimeStopResponse {}

/** Payload of `thread/realtime/started`: the session was accepted. */
export interface ThreadRealtimeStartedNotification {
  /** Thread of the session. */
  threadId: string;
  /** Backend session id, when the backend reports one. */
  sessionId: string | null;
}

/** Payload of `thread/realtime/itemAdded`: a non-audio item emitted by the realtime backend, passed through raw. */
export interface ThreadRealtimeItemAddedNotification {
  /** Thread of the session. */
  threadId: string;
  /** The backend item as received. */
  item: unknown;
}

/** Payload of `thread/realtime/outputAudio/delta`: a chunk of model speech. */
export interface ThreadRealtimeOutputAudioDeltaNotification {
  /** Thread of the session. */
  threadId: string;
  /** Audio to play. */
  audio: ThreadRealtimeAudioChunk;
}

/** Payload of `thread/realtime/error`: the session hit an error. */
export interface ThreadRealtimeErrorNotification {
  /** Thread of the session. */
  threadId: string;
  /** Error message. */
  message: string;
}

/** Payload of `thread/realtime/closed`: the session's transport closed. */
export interface ThreadRealtimeClosedNotification {
  /** Thread of the session. */
  threadId: string;
  /** Why it closed, when known. */
  reason: string | null;
}
