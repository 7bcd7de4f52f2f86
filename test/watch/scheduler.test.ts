import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CycleScheduler } from "../../src/watch/scheduler.js";

const failOnError = (error: unknown) => {
  throw error;
};

describe("CycleScheduler", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A cycle that stays running until the test finishes it. */
  function controlledCycles() {
    const started: Array<() => void> = [];
    const cycle = () => new Promise<void>((resolve) => started.push(resolve));
    return { started, cycle };
  }

  it("coalesces a burst of changes into one cycle, started once they settle", async () => {
    const { started, cycle } = controlledCycles();
    const scheduler = new CycleScheduler(cycle, 100, failOnError);
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(60);
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(60);
    scheduler.notify();
    expect(started).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(started).toHaveLength(1);
    started[0]!();
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toHaveLength(1);
    expect(scheduler.busy).toBe(false);
  });

  it("runs exactly one more cycle for any number of changes seen during a cycle, never two at once", async () => {
    const { started, cycle } = controlledCycles();
    const scheduler = new CycleScheduler(cycle, 10, failOnError);
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(10);
    expect(started).toHaveLength(1);
    scheduler.notify();
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(500);
    expect(started).toHaveLength(1);
    started[0]!();
    await vi.advanceTimersByTimeAsync(10);
    expect(started).toHaveLength(2);
    started[1]!();
    await vi.advanceTimersByTimeAsync(500);
    expect(started).toHaveLength(2);
  });

  it("close waits for the running cycle and starts no other", async () => {
    const { started, cycle } = controlledCycles();
    const scheduler = new CycleScheduler(cycle, 10, failOnError);
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(10);
    scheduler.notify();
    let closed = false;
    const closing = scheduler.close().then(() => (closed = true));
    await vi.advanceTimersByTimeAsync(50);
    expect(closed).toBe(false);
    started[0]!();
    await closing;
    await vi.advanceTimersByTimeAsync(500);
    expect(started).toHaveLength(1);
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(500);
    expect(started).toHaveLength(1);
  });

  it("a failing cycle does not stop later ones", async () => {
    let runs = 0;
    const failures: unknown[] = [];
    const scheduler = new CycleScheduler(
      async () => {
        runs++;
        if (runs === 1) throw new Error("cycle failed");
      },
      10,
      (error) => failures.push(error),
    );
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(10);
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(10);
    expect(runs).toBe(2);
    expect(failures).toEqual([new Error("cycle failed")]);
  });

  it("a cycle run at once (the first) holds back changes seen meanwhile until it ends, then runs one more", async () => {
    const { started, cycle } = controlledCycles();
    const scheduler = new CycleScheduler(cycle, 10, failOnError);
    let finishFirst: () => void = () => undefined;
    const first = scheduler.runNow(() => new Promise<string>((resolve) => (finishFirst = () => resolve("first"))));
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(100);
    expect(started).toHaveLength(0);
    finishFirst();
    expect(await first).toBe("first");
    await vi.advanceTimersByTimeAsync(10);
    expect(started).toHaveLength(1);
  });
});
