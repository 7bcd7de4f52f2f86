import type { TransportLink } from "../../../examples/app-server/connection.js";

/** A transport link for an in-process server: every message written is parsed into `received`. */
export function recordingLink(received: unknown[], queued: () => number = () => 0): TransportLink & { closedWith?: string } {
  const link: TransportLink & { closedWith?: string } = {
    write: (text) => received.push(JSON.parse(text)),
    queuedBytes: queued,
    pause: () => {},
    resume: () => {},
    close: (reason) => {
      link.closedWith = reason;
    },
  };
  return link;
}
