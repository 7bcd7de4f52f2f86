/**
 * When `watch` regenerates: a burst of changes (an editor saving several files,
 * or writing one in steps) is one cycle, started once nothing changed for
 * `debounceMs`; a change seen during a cycle makes exactly one more cycle after
 * it, so the last change is always generated, and cycles never overlap. A
 * cycle that throws is handed to `onError` and does not stop later ones.
 */
export class CycleScheduler {
  readonly #cycle: () => Promise<void>;
  readonly #debounceMs: number;
  readonly #onError: (error: unknown) => void;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #pending = false;
  #closed = false;

  constructor(cycle: () => Promise<void>, debounceMs: number, onError: (error: unknown) => void) {
    this.#cycle = cycle;
    this.#debounceMs = debounceMs;
    this.#onError = onError;
  }

  /** A change was seen. */
  notify(): void {
    if (this.#closed) return;
    this.#pending = true;
    if (!this.#running) this.#arm();
  }

  /**
   * Runs `work` at once as a cycle (the first one, whose failure the caller
   * handles itself): changes seen meanwhile make one more cycle after it.
   */
  runNow<T>(work: () => Promise<T>): Promise<T> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const result = work();
    this.#running = result.then(
      () => undefined,
      () => undefined,
    );
    void this.#running.then(() => this.#settled());
    return result;
  }

  /** Whether a cycle runs now or one is waiting for changes to settle. */
  get busy(): boolean {
    return this.#running !== undefined || this.#timer !== undefined;
  }

  /** Schedules nothing more; resolves once a running cycle has finished. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  #arm(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#start(), this.#debounceMs);
  }

  #start(): void {
    this.#timer = undefined;
    if (this.#closed || !this.#pending) return;
    this.#pending = false;
    this.#running = this.#cycle().catch(this.#onError);
    void this.#running.then(() => this.#settled());
  }

  #settled(): void {
    this.#running = undefined;
    if (this.#pending && !this.#closed) this.#arm();
  }
}
