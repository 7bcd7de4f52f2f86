/**
 * stdio transport: one JSON-RPC message per line on stdin/stdout; stderr is for logs.
 *
 * Lines end at "\n" only (a "\r" before it is dropped, so CRLF works); a bare
 * "\r" is part of the message, as JSON allows it between tokens. A line over
 * `maxMessageBytes` is not buffered: it is skipped up to its end and answered
 * with a -32600 error, logged. When the client closes its end of stdout
 * (EPIPE), the connection ends like a closed stdin, and the process exits 0.
 *
 * What the client has not read yet waits in stdout's buffer, and the
 * connection's queue bound applies as on WebSocket: past half of it the server
 * stops reading stdin (and splitting what it already read) until stdout
 * drains; past all of it the connection, and so the process, ends.
 */
import type { AppServer, ConnectionHandle } from "./server.js";

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Serves a single connection until stdin ends or stdout is closed. */
export function serveStdio(server: AppServer, log: (line: string) => void): Promise<void> {
  const { stdin, stdout } = process;
  return new Promise((resolve) => {
    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      connection.close();
      stdin.destroy();
      resolve();
    };
    const connection: ConnectionHandle = server.connect({
      write: (text) => {
        if (!ended) stdout.write(`${text}\n`);
      },
      queuedBytes: () => stdout.writableLength,
      pause: () => {
        lines.pause();
        stdin.pause();
      },
      resume: () => {
        stdin.resume();
        lines.resume();
      },
      close: end,
    });
    const lines = new LineSplitter(server.limits.maxMessageBytes, {
      line: (text) => {
        if (!ended && text.trim() !== "") connection.receive(text);
      },
      tooLong: (bytes) => connection.refuse(`a line of more than ${bytes} bytes is over the limit of ${server.limits.maxMessageBytes}`),
    });
    stdin.on("data", (chunk: Buffer) => lines.push(chunk));
    // Lines still waiting (reading was paused) are served before the connection ends.
    stdin.on("end", () => lines.finish(end));
    stdin.on("error", (error) => {
      log(`stdin: ${error.message}`);
      end();
    });
    stdout.on("drain", () => connection.drained());
    stdout.on("error", (error: NodeJS.ErrnoException) => {
      log(error.code === "EPIPE" ? "stdout closed by the client (EPIPE): ending the connection" : `stdout: ${error.message}`);
      end();
    });
  });
}

export interface LineEvents {
  /** A complete line, decoded as UTF-8, without its "\n" (or "\r\n"). */
  line(text: string): void;
  /** A line grew past the limit; it is dropped up to its "\n". `bytes` is how much had arrived. */
  tooLong(bytes: number): void;
}

/**
 * Splits a byte stream into lines of at most `maxBytes`, without ever holding
 * more than that of a line. While paused it emits nothing: the rest of the
 * chunk at hand waits (the stream is paused too, so that is all that waits).
 */
export class LineSplitter {
  #parts: Buffer[] = [];
  #size = 0;
  /** Inside a line that was too long: dropping bytes up to the next "\n". */
  #skipping = false;
  /** Received, not yet split: the chunk at hand, and any after it. */
  #waiting: Buffer[] = [];
  #paused = false;
  /** Set by `finish`: called once everything received was split. */
  #whenDone: (() => void) | null = null;

  constructor(
    private readonly maxBytes: number,
    private readonly events: LineEvents,
  ) {}

  push(chunk: Buffer): void {
    this.#waiting.push(chunk);
    this.#split();
  }

  pause(): void {
    this.#paused = true;
  }

  resume(): void {
    this.#paused = false;
    this.#split();
  }

  /** The input ended: a last line without "\n" still counts; `then` runs once everything was split. */
  finish(then: () => void): void {
    this.#whenDone = then;
    this.#split();
  }

  #split(): void {
    while (!this.#paused && this.#waiting.length > 0) {
      const chunk = this.#waiting[0]!;
      const newline = chunk.indexOf(NEWLINE);
      if (newline < 0) {
        this.#waiting.shift();
        if (!this.#skipping) this.#take(chunk);
        continue;
      }
      if (!this.#skipping) this.#take(chunk.subarray(0, newline));
      this.#waiting[0] = chunk.subarray(newline + 1);
      if (this.#waiting[0].length === 0) this.#waiting.shift();
      if (this.#skipping) this.#skipping = false;
      else this.#emit();
    }
    if (this.#whenDone === null || this.#paused) return;
    if (!this.#skipping && this.#size > 0) this.#emit();
    const then = this.#whenDone;
    this.#whenDone = null;
    then();
  }

  #take(piece: Buffer): void {
    if (piece.length === 0) return;
    if (this.#size + piece.length > this.maxBytes) {
      this.events.tooLong(this.#size + piece.length);
      this.#parts = [];
      this.#size = 0;
      this.#skipping = true;
      return;
    }
    this.#parts.push(piece);
    this.#size += piece.length;
  }

  #emit(): void {
    let line = this.#parts.length === 1 ? this.#parts[0]! : Buffer.concat(this.#parts, this.#size);
    this.#parts = [];
    this.#size = 0;
    if (line.length > 0 && line[line.length - 1] === CARRIAGE_RETURN) line = line.subarray(0, line.length - 1);
    this.events.line(line.toString("utf8"));
  }
}
