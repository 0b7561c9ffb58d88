import { useAppStore } from '../../store';
import { hashWithoutPresentFlag, hashWithPresentFlag, presentFlagIn, searchWithoutPresentFlag } from './presentFlag';

/** Rewrites the address in place: no reload, no history entry, and no hashchange (the share link code keeps quiet). */
function replaceAddress(search: string, hash: string): void {
  const next = `${location.pathname}${search}${hash}`;
  if (next !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', next);
}

let stop: (() => void) | null = null;

/**
 * Presenter mode follows the address: `#present` or `?present=1` turns it on (at start-up, and when a link with
 * the flag is pasted into this tab), and the flag is written while presenting, so a reload stays in presenter
 * mode. Leaving (Esc, the toggle) takes the flag out of both places. Call once at start-up, before the first render,
 * so a presenter link never shows the normal page first. Returns a function that undoes it (for tests).
 */
export function startPresenterUrlFlag(): () => void {
  if (stop) return stop;
  const fromAddress = () => {
    if (presentFlagIn(location.hash, location.search)) useAppStore.getState().startPresenting();
  };
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.presenting === previous.presenting) return;
    if (!state.presenting) replaceAddress(searchWithoutPresentFlag(location.search), hashWithoutPresentFlag(location.hash));
    else if (!presentFlagIn(location.hash, location.search)) replaceAddress(location.search, hashWithPresentFlag(location.hash));
  });
  fromAddress();
  window.addEventListener('hashchange', fromAddress);
  stop = () => {
    unsubscribe();
    window.removeEventListener('hashchange', fromAddress);
    stop = null;
  };
  return stop;
}
