import { useAppStore } from '../../store';

let focusToggleNext = false;

/** Leaves presenter mode; the normal page's Present button then takes focus, so the keyboard goes on from there. */
export function leavePresenting(): void {
  focusToggleNext = true;
  useAppStore.getState().stopPresenting();
}

/** Whether the toggle that is mounting should take focus (once, after leaving). */
export function takeFocusAfterLeaving(): boolean {
  const take = focusToggleNext;
  focusToggleNext = false;
  return take;
}
