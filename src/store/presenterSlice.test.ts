import { describe, expect, it } from 'vitest';
import { create, type StateCreator } from 'zustand';
import type { QuerySet } from '../core/sets/types';
import type { AppState } from './index';
import { createPresenterSlice, LAST_PRESENTER_STEP, presenterQueryId, selectPresenterStep, type PresenterHost, type PresenterSlice } from './presenterSlice';

// The slice must fit the app's store once it is added there (checked by tsc -p tsconfig.test.json).
export const fitsTheAppStore: StateCreator<AppState & PresenterSlice, [], [], PresenterSlice> = createPresenterSlice;

// Ids that are also names on Object.prototype: they must work as query ids like any other.
const set: QuerySet = {
  name: 'three queries',
  scoreKind: 'retriever score',
  documents: new Map([['d', 'text']]),
  queries: ['__proto__', 'constructor', 'toString'].map((id) => ({ id, text: `query ${id}`, candidates: [{ docId: 'd' }], judgments: new Map() })),
};
const listOrder = ['__proto__', 'constructor', 'toString'];

function store(host: Partial<PresenterHost> = {}) {
  return create<PresenterSlice & PresenterHost>()((...a) => ({ querySet: null, activeQueryId: null, ...host, ...createPresenterSlice(...a) }));
}

const view = (s: ReturnType<typeof store>) => ({ step: selectPresenterStep(s.getState()), query: presenterQueryId(s.getState()) });

describe('presenter steps on a paste', () => {
  it('starts at the first stage and walks 0, 1, 2, 3, then stays on the last step', () => {
    const s = store();
    s.getState().startPresenting();
    expect(s.getState().presenting).toBe(true);
    const seen = [view(s).step];
    for (let i = 0; i < 5; i++) {
      s.getState().presenterNext([]);
      seen.push(view(s).step);
    }
    expect(LAST_PRESENTER_STEP).toBe(3);
    expect(seen).toEqual([0, 1, 2, 3, 3, 3]);
  });

  it('goes back step by step and stays at the first one', () => {
    const s = store();
    s.getState().startPresenting();
    s.getState().showPresenterStep(2);
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      s.getState().presenterBack([]);
      seen.push(view(s).step);
    }
    expect(seen).toEqual([1, 0, 0, 0]);
  });

  it('clamps a step jump to the steps there are', () => {
    const s = store();
    s.getState().showPresenterStep(9);
    expect(view(s).step).toBe(3);
    s.getState().showPresenterStep(-4);
    expect(view(s).step).toBe(0);
    s.getState().showPresenterStep(Number.NaN);
    expect(view(s).step).toBe(0);
    s.getState().showPresenterStep(1.7);
    expect(view(s).step).toBe(1);
  });

  it('entering again while presenting keeps the step; leaving and entering starts over', () => {
    const s = store();
    s.getState().startPresenting();
    s.getState().presenterNext([]);
    s.getState().startPresenting();
    expect(view(s).step).toBe(1);
    s.getState().stopPresenting();
    expect(s.getState().presenting).toBe(false);
    s.getState().startPresenting();
    expect(view(s).step).toBe(0);
  });
});

describe('presenter steps through a set', () => {
  it('after the metrics, Next opens the next query of the list at its first stage', () => {
    const s = store({ querySet: set, activeQueryId: '__proto__' });
    s.getState().startPresenting();
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { step, query } = view(s);
      seen.push(`${query}:${step}`);
      s.getState().presenterNext(listOrder);
    }
    expect(seen).toEqual([
      '__proto__:0', '__proto__:1', '__proto__:2', '__proto__:3',
      'constructor:0', 'constructor:1', 'constructor:2', 'constructor:3',
      'toString:0', 'toString:1', 'toString:2', 'toString:3',
    ]);
    // The last query's last step is the end: no wrap to the first query.
    s.getState().presenterNext(listOrder);
    expect(view(s)).toEqual({ step: 3, query: 'toString' });
    expect(s.getState().activeQueryId).toBe('toString');
  });

  it('before the first stage, Back opens the previous query at its metrics, and stops at the first query', () => {
    const s = store({ querySet: set, activeQueryId: 'constructor' });
    s.getState().startPresenting();
    s.getState().presenterBack(listOrder);
    expect(view(s)).toEqual({ step: 3, query: '__proto__' });
    s.getState().showPresenterStep(0);
    s.getState().presenterBack(listOrder);
    expect(view(s)).toEqual({ step: 0, query: '__proto__' });
  });

  it('follows the order it is given (the list as sorted), not the order of the set', () => {
    const s = store({ querySet: set, activeQueryId: 'toString' });
    s.getState().startPresenting();
    s.getState().showPresenterStep(3);
    s.getState().presenterNext(['toString', '__proto__']);
    expect(view(s)).toEqual({ step: 0, query: '__proto__' });
  });

  it('a query filtered out of the list: Next opens the top of the list, Back stays', () => {
    const s = store({ querySet: set, activeQueryId: 'constructor' });
    s.getState().startPresenting();
    s.getState().presenterBack(['toString']);
    expect(view(s)).toEqual({ step: 0, query: 'constructor' });
    s.getState().showPresenterStep(3);
    s.getState().presenterNext(['toString']);
    expect(view(s)).toEqual({ step: 0, query: 'toString' });
  });

  it('an empty list (everything filtered out) keeps the query on its last step', () => {
    const s = store({ querySet: set, activeQueryId: 'constructor' });
    s.getState().showPresenterStep(3);
    s.getState().presenterNext([]);
    expect(view(s)).toEqual({ step: 3, query: 'constructor' });
  });

  it('a query opened another way (the navigator) starts from the first stage', () => {
    const s = store({ querySet: set, activeQueryId: '__proto__' });
    s.getState().startPresenting();
    s.getState().showPresenterStep(2);
    s.setState({ activeQueryId: 'toString' });
    expect(view(s)).toEqual({ step: 0, query: 'toString' });
    // One query's step is kept: back on it before stepping elsewhere, it is where it was.
    s.setState({ activeQueryId: '__proto__' });
    expect(view(s).step).toBe(2);
  });

  it('with no open query id, the set shows its first query, and stepping starts there', () => {
    const s = store({ querySet: set, activeQueryId: null });
    expect(view(s)).toEqual({ step: 0, query: '__proto__' });
    s.getState().showPresenterStep(3);
    s.getState().presenterNext(listOrder);
    expect(view(s)).toEqual({ step: 0, query: 'constructor' });
  });
});
