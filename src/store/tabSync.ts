import { loadPasteText } from '../compute/pasteStore';
import { applyOtherTabSave, STORAGE_KEY, STORAGE_VERSION, useAppStore } from './index';
import { isLargeInput } from './largeInput';

/** Tells the app's other tabs that a large paste was written to IndexedDB (its save holds only a placeholder). */
const PASTE_CHANNEL = 'rerank-playground-paste';

let pasteChannel: BroadcastChannel | null = null;
let applying = false;
let pasteLoaded: string | null = null;

/** Whether the store change being made now comes from another tab: largeInputSync.ts then keeps the saved paste. */
export const applyingOtherTab = (): boolean => applying;

/** Whether this text was read from another tab's paste save, so it needs no saving again. */
export const isPasteFromOtherTab = (text: string): boolean => pasteLoaded !== null && text === pasteLoaded;

/** Called once the worker has saved a large paste to IndexedDB. */
export function announcePasteSaved(): void {
  pasteChannel?.postMessage('saved');
}

/** JSON with object keys sorted, so two equal values compare equal whatever order their keys were built in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

type Entries = [string, unknown][];
const asEntries = (value: unknown): Entries | null => (Array.isArray(value) && value.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string') ? (value as Entries) : null);

/** Three-way merge of [key, value] lists: a key this tab changed (since `base`) keeps this tab's value. */
function mergeEntries(base: Entries, mine: Entries, theirs: Entries, inner: (b: unknown, m: unknown, t: unknown) => unknown): Entries {
  const before = new Map(base);
  const merged = new Map(theirs);
  for (const [key, value] of mine) {
    if (canonical(value) === canonical(before.get(key))) continue;
    merged.set(key, merged.has(key) ? inner(before.get(key), value, merged.get(key)) : value);
  }
  // A key this tab removed (a judgment cleared) stays removed, unless the other tab changed it.
  for (const [key, value] of before) if (!mine.some(([k]) => k === key) && canonical(merged.get(key)) === canonical(value)) merged.delete(key);
  return [...merged];
}

const pickMine = (_base: unknown, mine: unknown): unknown => mine;

/**
 * Field by field: what this tab changed since `base` (the save both tabs last saw) and has not saved yet stays;
 * everything else is the other tab's. Judgments merge per query and document, so two tabs marking different
 * documents keep both marks. Where both changed the same thing, this tab's edit wins (it is the newer here).
 */
export function mergeSaves(base: Record<string, unknown>, mine: Record<string, unknown>, theirs: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...theirs };
  for (const [field, value] of Object.entries(mine)) {
    if (canonical(value) === canonical(base[field])) continue;
    const [b, m, t] = [asEntries(base[field]), asEntries(value), asEntries(theirs[field])];
    const judgments = field === 'judgmentsByQuery' && b && m && t;
    merged[field] = judgments ? mergeEntries(b, m, t, (bq, mq, tq) => mergeEntries(asEntries(bq) ?? [], asEntries(mq) ?? [], asEntries(tq) ?? [], pickMine)) : value;
  }
  return merged;
}

const stateOf = (raw: string | null): Record<string, unknown> | null => {
  try {
    const frame: unknown = raw === null ? null : JSON.parse(raw);
    if (typeof frame !== 'object' || frame === null) return null;
    const { state, version } = frame as { state?: unknown; version?: unknown };
    return version === STORAGE_VERSION && typeof state === 'object' && state !== null && !Array.isArray(state) ? (state as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

function withoutEcho(apply: () => unknown): void {
  applying = true;
  try {
    apply();
  } finally {
    applying = false;
  }
}

/** Shows another tab's large paste, which its save holds only as a placeholder. */
async function loadOtherTabPaste(): Promise<void> {
  try {
    const text = await loadPasteText();
    if (text === null || !isLargeInput(text) || text === useAppStore.getState().documentsText) return;
    pasteLoaded = text;
    withoutEcho(() => useAppStore.setState({ documentsText: text }));
  } catch {
    useAppStore.setState({ persistWarning: 'Large documents pasted in another tab could not be read from this browser\'s storage. They are still in that tab; reload this one to try again.' });
  }
}

/** This tab's save not yet written (persistStorage.ts writes every 400 ms), or what storage holds. */
function ownSave(): Record<string, unknown> | null {
  const own = useAppStore.persist.getOptions().storage?.getItem(STORAGE_KEY);
  // safeStorage answers at once; a promise would be some other storage, read by the rehydrate instead.
  return !own || 'then' in own ? null : own.state;
}

/** Reads another tab's save into this one, keeping this tab's edits not yet saved (they are saved with it). */
export function onOtherTabSaved(oldValue: string | null, newValue: string): void {
  const theirs = stateOf(newValue);
  // Only for a save this build reads: reading a damaged one has effects (a backup, a message) that the rehydrate has too.
  const mine = theirs ? ownSave() : null;
  if (theirs && mine && canonical(mine) !== canonical(theirs)) {
    const merged = mergeSaves(stateOf(oldValue) ?? {}, mine, theirs);
    withoutEcho(() => applyOtherTabSave(merged));
  } else {
    // Nothing unsaved here, or a save of another version: read as at start-up (safeStorage.ts tells what it refused).
    withoutEcho(() => void useAppStore.persist.rehydrate());
  }
  // A tab that holds no large text takes the other's; a new large paste there is announced on the paste channel.
  if (theirs?.largeDocumentsSaved === true && !isLargeInput(useAppStore.getState().documentsText)) void loadOtherTabPaste();
}

/**
 * Two tabs of the app share one save. When another tab saves, this one reads the save back (validated, as at
 * start-up), so its edits show here, and this tab's own unsaved edits are kept and saved with them. A large
 * paste (kept in IndexedDB) is announced on a channel of its own, since its save holds only a placeholder.
 */
export function startTabSync(): void {
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY && event.newValue !== null) onOtherTabSaved(event.oldValue, event.newValue);
  });
  if (typeof BroadcastChannel === 'undefined') return;
  pasteChannel = new BroadcastChannel(PASTE_CHANNEL);
  pasteChannel.onmessage = () => void loadOtherTabPaste();
}
