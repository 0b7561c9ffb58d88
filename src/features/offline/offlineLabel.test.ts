import { describe, expect, it } from 'vitest';
import { offlineLabel } from './offlineLabel';

const model = (id: string, complete: boolean) => ({ id, source: 'self-hosted' as const, dtypes: complete ? ['q8'] : [], complete });

describe('offlineLabel', () => {
  it('counts only complete models', () => {
    const inventory = { runtimeCached: true, models: [model('a/b', true), model('c/d', false)] };
    expect(offlineLabel({ online: true, shell: 'ready', inventory })).toBe('Works offline · 1 model');
    expect(offlineLabel({ online: false, shell: 'ready', inventory })).toBe('Offline · 1 model here');
  });

  it('says plainly when the app itself is not kept', () => {
    expect(offlineLabel({ online: true, shell: 'saving', inventory: null })).toBe('Saving for offline…');
    expect(offlineLabel({ online: true, shell: 'unsupported', inventory: null })).toBe('Not available offline');
    expect(offlineLabel({ online: false, shell: 'failed', inventory: null })).toBe('Offline');
    expect(offlineLabel({ online: true, shell: 'ready', inventory: { runtimeCached: false, models: [] } })).toBe('Works offline · 0 models');
  });
});
