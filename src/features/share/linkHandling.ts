import { hashWithoutShareParam, shareParamOf } from '../../core/share';
import { findPreviousWork, openShareParam, setPreviousWorkStorage, useShareStore } from './openFlow';
import { indexedDbPreviousWork } from './previousWork';

/** This page's address without its fragment: what a share link is built on. */
export function pageUrl(): string {
  return `${location.origin}${location.pathname}${location.search}`;
}

/** Takes the setup out of the address bar (other fragment parameters stay), so a reload does not ask again. */
export function clearShareFragment(): void {
  if (shareParamOf(location.hash) === null) return;
  history.replaceState(history.state, '', `${pageUrl()}${hashWithoutShareParam(location.hash)}`);
}

let started = false;

/**
 * Opens the setup in the address bar's fragment, now and whenever the fragment changes (a link pasted into
 * this tab). Call once at start-up, after the saved set and large inputs were read back (setSync and
 * largeInputSync), so that they do not overwrite a setup opened before them.
 */
export function startShareLinkHandling(): void {
  if (started) return;
  started = true;
  setPreviousWorkStorage(indexedDbPreviousWork());
  void findPreviousWork();
  const open = async () => {
    const value = shareParamOf(location.hash);
    if (value === null) return;
    const outcome = await openShareParam(value);
    // A damaged link stays in the address bar, to be copied into a report; an opened one goes.
    if (outcome === 'applied') clearShareFragment();
  };
  // Answered (opened or declined): the link has done its work.
  useShareStore.subscribe((state, previous) => {
    if (previous.pending?.from.kind === 'link' && state.pending === null) clearShareFragment();
  });
  window.addEventListener('hashchange', () => void open());
  void open();
}
