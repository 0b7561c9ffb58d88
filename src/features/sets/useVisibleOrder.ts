import { useAppStore } from '../../store';

/** The query ids in the order the list shows them. */
export function useVisibleOrder(): readonly string[] {
  return useAppStore((s) => s.querySet?.queries.map((q) => q.id) ?? []);
}
