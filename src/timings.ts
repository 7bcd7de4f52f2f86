/**
 * Per-stage wall-clock timings for `--verbose` (stderr only, never in artifacts),
 * each with the process's resident memory when the stage ended.
 */
export interface Timings {
  time<T>(stage: string, work: () => T): T;
  lines(): string[];
}

export function createTimings(): Timings {
  const stages: [string, number, number][] = [];
  const record = (stage: string, start: number) => stages.push([stage, performance.now() - start, process.memoryUsage.rss()]);
  return {
    time<T>(stage: string, work: () => T): T {
      const start = performance.now();
      const result = work();
      if (result instanceof Promise) {
        return result.finally(() => record(stage, start)) as T;
      }
      record(stage, start);
      return result;
    },
    lines: () =>
      stages.map(([stage, ms, rss]) => `${stage.padEnd(10)} ${ms.toFixed(1).padStart(8)} ms   rss ${(rss / 2 ** 20).toFixed(0).padStart(5)} MB`),
  };
}
