import type { LineColumn } from '../parse/locate';
import type { AppError } from '../types';
import { DOCUMENT_VERSION } from './schemaV1';
import type { ShareSource } from './types';

/** Every way a link or file can fail to open, as data (tests read `kind`; people read the message). */
export type ShareFailure =
  | { kind: 'not-a-share-link' }
  | { kind: 'cut-off'; length: number }
  | { kind: 'bad-character'; position: number; character: string }
  | { kind: 'bad-length'; length: number }
  | { kind: 'bad-padding'; position: number }
  | { kind: 'unpack-failed'; cause: string }
  | { kind: 'checksum' }
  | { kind: 'too-large'; limit: number }
  | { kind: 'not-text' }
  | { kind: 'not-json'; at?: LineColumn; problem: string; hint?: string }
  | { kind: 'not-ours' }
  | { kind: 'no-version' }
  | { kind: 'newer'; version: number }
  | { kind: 'older-unreadable'; version: number }
  | { kind: 'invalid'; where: string; problem: string }
  | { kind: 'file-too-large'; size: number; limit: number }
  | { kind: 'has-secret'; where: string }
  | { kind: 'unwritable'; where: string; problem: string };

export interface ShareError extends AppError {
  failure: ShareFailure;
}

const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

function subjectOf(source: ShareSource): string {
  return source.kind === 'link' ? 'This link' : `The file "${source.name}"`;
}

function nextStepOf(source: ShareSource): string {
  return source.kind === 'link' ? 'Ask for the link again, or for a session file instead.' : 'Choose the file again, or ask for a new copy.';
}

/** What went wrong, in words: what happened, where, and what to do next. Nothing current is ever changed by a failure. */
export function messageOf(failure: ShareFailure, source: ShareSource): string {
  const subject = subjectOf(source);
  const next = nextStepOf(source);
  const unchanged = 'Nothing here was changed.';
  switch (failure.kind) {
    case 'not-a-share-link':
      return `${subject} has a setup part this app cannot read (it should start with "#s=1."). ${next} ${unchanged}`;
    case 'cut-off':
      return `${subject} is damaged: it was cut off (the data ends early, after ${failure.length.toLocaleString('en-US')} characters). Some apps cut long links. ${next} ${unchanged}`;
    case 'bad-character':
      return `${subject} is damaged: character ${(failure.position + 1).toLocaleString('en-US')} of its data ("${failure.character}") is not one that share links use; a space or line break may have been added when it was copied. ${next} ${unchanged}`;
    case 'bad-length':
      return `${subject} is damaged: its data has a length no share link has (${failure.length.toLocaleString('en-US')} characters), so a character was lost or added. ${next} ${unchanged}`;
    case 'bad-padding':
      return `${subject} is damaged: character ${(failure.position + 1).toLocaleString('en-US')} of its data was changed (it holds bits no share link sets). ${next} ${unchanged}`;
    case 'unpack-failed':
      return `${subject} is damaged: its data could not be unpacked (a character was changed, lost or added). ${next} ${unchanged}`;
    case 'checksum':
      return `${subject} is damaged: its data does not match its checksum (a character was changed). ${next} ${unchanged}`;
    case 'too-large':
      return `${subject} unpacks to more than ${megabytes(failure.limit)}, more than a setup this app opens from a link, so it was not opened. If you trust where it came from, ask for a session file instead. ${unchanged}`;
    case 'not-text':
      return `${subject} is damaged: its data is not text (it is not valid UTF-8). ${next} ${unchanged}`;
    case 'not-json': {
      const where = failure.at ? ` at line ${failure.at.line}, column ${failure.at.column}` : '';
      const hint = failure.hint ? ` ${failure.hint}` : '';
      return `${subject} is not valid JSON${where}: ${failure.problem}.${hint} ${next} ${unchanged}`;
    }
    case 'not-ours':
      return `${subject} does not hold a Rerank Playground setup (it has no "app": "rerank-playground" field). Session files are made with Share → Save session file…. ${unchanged}`;
    case 'no-version':
      return `${subject} has no valid format version (its "version" field is missing or not a whole number). ${next} ${unchanged}`;
    case 'newer':
      return `${subject} was made by a newer version of Rerank Playground (format ${failure.version}; this version reads format ${DOCUMENT_VERSION} and older). Open it in the newest version of the app. ${unchanged}`;
    case 'older-unreadable':
      return `${subject} is in format ${failure.version}, from an older version of Rerank Playground that this version can no longer read. Open it in that older version and save it again, or ask for a new copy. ${unchanged}`;
    case 'invalid':
      return `${subject} holds a setup that is not valid: at ${failure.where}, ${failure.problem}. ${next} ${unchanged}`;
    case 'file-too-large':
      return `${subject} is ${megabytes(failure.size)}, more than the ${megabytes(failure.limit)} a session file may be, so it was not opened. ${unchanged}`;
    case 'has-secret':
      return `Nothing was shared: an API key you entered appears in the setup (at ${failure.where}). Remove the key from there, then try again. Keys are never put in links or files.`;
    case 'unwritable':
      return `Nothing was shared: the setup would not open again (at ${failure.where}, ${failure.problem}). Change that setting and try again; this is a bug in Rerank Playground, so please report it.`;
  }
}

export function shareError(failure: ShareFailure, source: ShareSource, cause?: string): ShareError {
  return { failure, message: messageOf(failure, source), ...(cause === undefined ? {} : { cause }) };
}
