import type { SharedSetup } from '../core/share/types';

/**
 * A validated session setup as it crosses from the worker to the page. Its set's documents (100,000 texts
 * in a large file) would each be a string for postMessage to copy, which costs the page hundreds of
 * milliseconds; here they are two joined strings and their end offsets, and the page cuts each one back out
 * with `slice`, which V8 does without copying. The rest of the setup (Maps included) is cloned as it is.
 */
export interface SessionDocumentsWire {
  /** Every document id, one after another: id i is ids.slice(idEnds[i - 1] ?? 0, idEnds[i]). */
  ids: string;
  idEnds: Int32Array;
  /** Every text, one after another, in the same order. */
  texts: string;
  textEnds: Int32Array;
}

export interface SessionWire {
  /** The setup, with its set's documents left empty (they are in `documents`). */
  setup: SharedSetup;
  /** Null when the setup has no query set. */
  documents: SessionDocumentsWire | null;
}

export function encodeSession(setup: SharedSetup): SessionWire {
  if (!setup.querySet) return { setup, documents: null };
  const { documents } = setup.querySet.set;
  const idEnds = new Int32Array(documents.size);
  const textEnds = new Int32Array(documents.size);
  const ids: string[] = [];
  const texts: string[] = [];
  let idEnd = 0;
  let textEnd = 0;
  for (const [id, text] of documents) {
    idEnd += id.length;
    textEnd += text.length;
    idEnds[ids.length] = idEnd;
    textEnds[ids.length] = textEnd;
    ids.push(id);
    texts.push(text);
  }
  const querySet = { ...setup.querySet, set: { ...setup.querySet.set, documents: new Map<string, string>() } };
  return { setup: { ...setup, querySet }, documents: { ids: ids.join(''), idEnds, texts: texts.join(''), textEnds } };
}

/** The setup back, its documents in their order in the file. */
export function decodeSession(wire: SessionWire): SharedSetup {
  const { setup, documents: wired } = wire;
  if (!setup.querySet || !wired) return setup;
  const documents = new Map<string, string>();
  let idStart = 0;
  let textStart = 0;
  for (let i = 0; i < wired.idEnds.length; i += 1) {
    const idEnd = wired.idEnds[i] ?? idStart;
    const textEnd = wired.textEnds[i] ?? textStart;
    documents.set(wired.ids.slice(idStart, idEnd), wired.texts.slice(textStart, textEnd));
    idStart = idEnd;
    textStart = textEnd;
  }
  return { ...setup, querySet: { ...setup.querySet, set: { ...setup.querySet.set, documents } } };
}

/** The offset buffers to transfer with a wire. */
export const sessionTransfer = (wire: SessionWire): Transferable[] =>
  wire.documents ? [wire.documents.idEnds.buffer, wire.documents.textEnds.buffer].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer) : [];
