import { createScoreCache, type ScoreCache } from '../rerankers/cache';
import { useAppStore } from './index';

let cache: ScoreCache | null = null;

/** The app's score cache (IndexedDB), created on first use; its failures are told once, in the set notice. */
export function appScoreCache(): ScoreCache {
  cache ??= createScoreCache({
    onError: (message) => useAppStore.getState().setSetNotice({ tone: 'warning', text: message }),
  });
  return cache;
}
