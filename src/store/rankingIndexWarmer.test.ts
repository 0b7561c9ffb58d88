import { beforeEach, describe, expect, it, vi } from 'vitest';

async function freshStore() {
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} });
  vi.resetModules();
  const { useAppStore } = await import('./index');
  const { selectFirstStage } = await import('./selectors');
  const { startRankingIndexWarmer } = await import('./rankingIndexWarmer');
  // From the same fresh module graph as the store: the index cache is per module instance.
  const { isIndexed } = await import('../core/rankingIndex');
  // The idle callbacks, run by the test with a budget it chooses.
  const pending: ((timeLeft: () => number) => void)[] = [];
  startRankingIndexWarmer((work) => pending.push(work));
  const runIdle = (ms: number) => {
    const work = pending.shift();
    let left = ms;
    work?.(() => (left -= 0.5));
    return work !== undefined;
  };
  return { store: useAppStore, selectFirstStage, runIdle, isIndexed };
}

const lines = (count: number, prefix = 'doc') => Array.from({ length: count }, (_, i) => `${prefix} ${i}`).join('\n');

describe('startRankingIndexWarmer', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('indexes a long first stage in idle slices, and leaves a short one alone', async () => {
    const { store, selectFirstStage, runIdle, isIndexed } = await freshStore();
    store.getState().setDocumentsText(lines(100));
    expect(runIdle(100)).toBe(false); // nothing to do: 100 documents index at once when asked
    store.getState().setDocumentsText(lines(9_000));
    const ranking = selectFirstStage(store.getState()).ranking;
    expect(ranking.entries).toHaveLength(9_000);
    // No time left in any callback (a busy page): still one slice of 2,000 entries each, so 5 callbacks for 9,000.
    let callbacks = 0;
    while (runIdle(0) && callbacks < 100) callbacks += 1;
    expect(callbacks).toBe(5);
    expect(isIndexed(ranking)).toBe(true);
  });

  it('drops a ranking replaced before its index is done, and indexes the new one', async () => {
    const { store, selectFirstStage, runIdle, isIndexed } = await freshStore();
    store.getState().setDocumentsText(lines(6_000, 'old'));
    const old = selectFirstStage(store.getState()).ranking;
    runIdle(0);
    store.getState().setDocumentsText(lines(6_000, 'new'));
    const fresh = selectFirstStage(store.getState()).ranking;
    for (let i = 0; i < 100 && runIdle(100); i++);
    expect(isIndexed(old)).toBe(false);
    expect(isIndexed(fresh)).toBe(true);
  });
});
