import type { OfflineState } from '../../store/offlineStore';

/** The short label: what a teacher needs to know at a glance before the network goes. */
export function offlineLabel(state: Pick<OfflineState, 'online' | 'shell' | 'inventory'>): string {
  const ready = state.inventory?.models.filter((m) => m.complete).length ?? 0;
  const models = `${ready} model${ready === 1 ? '' : 's'}`;
  if (!state.online) return state.shell === 'ready' ? `Offline · ${models} here` : 'Offline';
  if (state.shell === 'ready') return `Works offline · ${models}`;
  if (state.shell === 'saving' || state.shell === 'checking') return 'Saving for offline…';
  return 'Not available offline';
}
