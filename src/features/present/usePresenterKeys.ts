import { useEffect, useEffectEvent } from 'react';
import { useAppStore } from '../../store';
import { useVisibleQueryOrder } from '../sets/queryListState';
import { keyTargetOf, presenterKeyAction } from './presenterKeys';
import { leavePresenting } from './leavePresenting';

/**
 * The presenter's keys, on the whole window while presenter mode is shown: → Space PageDown on, ← PageUp back,
 * Esc leaves. A key that steps is taken from the page (Space and PageDown would scroll it as well).
 */
export function usePresenterKeys(): void {
  // Next and Back follow the query list's order, as the navigator's buttons do.
  const order = useVisibleQueryOrder();
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    const action = presenterKeyAction(event, keyTargetOf(document.activeElement));
    if (action === null) return;
    event.preventDefault();
    if (action === 'leave') leavePresenting();
    else if (action === 'next') useAppStore.getState().presenterNext(order);
    else useAppStore.getState().presenterBack(order);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
