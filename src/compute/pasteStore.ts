import { createStore, del, get, set } from 'idb-keyval';

/**
 * A large paste, kept for the next visit in IndexedDB (localStorage holds about 5 MB). The worker writes it,
 * since storing means cloning the whole text, which would block the page for hundreds of milliseconds.
 */
const KEY = 'paste:documents';
let store: ReturnType<typeof createStore> | null = null;
const pasteStore = () => (store ??= createStore('rerank-playground-paste', 'texts'));

/** Resolves with a message for the user when the browser refused, else undefined. */
export async function savePasteText(text: string): Promise<string | undefined> {
  try {
    await set(KEY, text, pasteStore());
    return undefined;
  } catch {
    return 'Your documents are too large to be saved for the next visit (the browser refused the storage); they stay here until you reload.';
  }
}

export async function loadPasteText(): Promise<string | null> {
  const saved = await get<unknown>(KEY, pasteStore());
  return typeof saved === 'string' ? saved : null;
}

export async function forgetPasteText(): Promise<void> {
  await del(KEY, pasteStore());
}
