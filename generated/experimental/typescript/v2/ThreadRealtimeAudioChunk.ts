// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** A chunk of PCM audio, base64-encoded. */
export type ThreadRealtimeAudioChunk = {
  /** Base64-encoded 16-bit PCM samples. */
  data: string;
  /** Sample rate in Hz, e.g. 24000. */
  sampleRate: number;
  /** Number of interleaved channels. */
  numChannels: number;
  /** Samples per channel in this chunk, when known. */
  samplesPerChannel: number | null;
};
