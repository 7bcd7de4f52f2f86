/**
 * Runs `work` on every item with at most `limit` calls in flight. File reads and
 * writes overlap well; the bound keeps open descriptors far below the usual
 * per-process limit on large trees.
 */
export async function forEachConcurrently<T>(items: readonly T[], work: (item: T, index: number) => Promise<unknown>, limit = 64): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
