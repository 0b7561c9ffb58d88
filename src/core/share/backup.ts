import { z } from 'zod';
import { readSessionFile } from './sessionFile';
import type { SharedMarks, SharedSetup } from './types';

/**
 * The work a shared setup replaced, kept so that it can be restored: a session file (scores included) and
 * the marks of the other pasted queries, which a setup does not carry. Read back like any untrusted file.
 */

const marksSchema = z.array(z.tuple([z.string(), z.array(z.tuple([z.string(), z.number().int().min(0).max(3).nullable()]))]));
const recordSchema = z.strictObject({ savedAt: z.number(), session: z.string(), pasteMarks: marksSchema });

export interface Backup {
  savedAt: number;
  setup: SharedSetup;
  /** Marks by the store's judgment key (a pasted query's trimmed text). */
  pasteMarks: ReadonlyMap<string, SharedMarks>;
}

export function writeBackup(session: string, pasteMarks: ReadonlyMap<string, SharedMarks>, savedAt: number): string {
  return JSON.stringify({ savedAt, session, pasteMarks: [...pasteMarks].map(([key, marks]) => [key, [...marks]]) });
}

function recordOf(text: string) {
  try {
    const parsed = recordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The backup, or null when it cannot be read whole (then nothing is restored from it). */
export function readBackup(text: string): Backup | null {
  const record = recordOf(text);
  if (!record) return null;
  const setup = readSessionFile(record.session, 'your earlier work');
  if (!setup.ok) return null;
  return { savedAt: record.savedAt, setup: setup.value, pasteMarks: new Map(record.pasteMarks.map(([key, marks]) => [key, new Map(marks)])) };
}

/** When the backup was made, without reading the whole setup; null when the record is unreadable. */
export function backupSavedAt(text: string): number | null {
  return recordOf(text)?.savedAt ?? null;
}
