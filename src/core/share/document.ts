import { explainJsonFailure } from '../parse/jsonError';
import type { Result } from '../types';
import { shareError, type ShareError } from './failures';
import { migrateToCurrent, migrations, type Migration } from './migrations';
import { APP_MARKER, DOCUMENT_VERSION, documentV1Schema } from './schemaV1';
import { findSecret } from './secrets';
import type { SharedSetup, ShareSource } from './types';
import { fromWire, toWire } from './wire';
import type { z } from 'zod';

export interface WriteOptions {
  /** Put the columns' computed scores in (session files only). */
  includeRuns: boolean;
  /** The API keys on this device: if one of them appears anywhere, nothing is written. */
  secrets: readonly string[];
  /** Indented JSON (files, for people who open them); links are compact. */
  pretty?: boolean;
}

/** The setup as the document's JSON text, or a refusal when a key would be in it. */
export function writeDocument(setup: SharedSetup, options: WriteOptions, source: ShareSource): Result<string, ShareError> {
  const doc = toWire(setup, { includeRuns: options.includeRuns });
  // What is written must open again: a value the reader would refuse is caught here, not by the recipient.
  const checked = documentV1Schema.safeParse(doc);
  const issue = checked.error?.issues[0];
  if (issue) return { ok: false, error: shareError({ kind: 'unwritable', where: pathOf(issue.path), problem: problemOf(issue) }, source) };
  const where = findSecret(doc, options.secrets);
  if (where !== null) return { ok: false, error: shareError({ kind: 'has-secret', where }, source) };
  return { ok: true, value: JSON.stringify(doc, null, options.pretty ? 2 : undefined) };
}

/** A path for people: columns[1].config.model. */
function pathOf(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the top level';
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

function problemOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `a field this format does not have (${issue.keys.map((k) => JSON.stringify(k)).join(', ')})`;
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return `a required field is missing (expected ${issue.expected})`;
  const message = issue.message.replace(/^Invalid input: /, '');
  return message.charAt(0).toLowerCase() + message.slice(1);
}

/**
 * The document's JSON text, checked all the way: JSON, whose app, which version (older ones migrated), the
 * schema, then what the schema cannot see (duplicate ids, references to nothing). Never throws.
 */
export function readDocument(json: string, source: ShareSource, registry: ReadonlyMap<number, Migration> = migrations): Result<SharedSetup, ShareError> {
  const fail = (failure: Parameters<typeof shareError>[0], cause?: string) => ({ ok: false as const, error: shareError(failure, source, cause) });
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    const explained = explainJsonFailure(json, error);
    return fail({ kind: 'not-json', ...(explained.at ? { at: explained.at } : {}), problem: explained.problem.replace(/\.$/, ''), hint: explained.hint }, explained.cause);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !Object.hasOwn(raw, 'app') || Reflect.get(raw, 'app') !== APP_MARKER) return fail({ kind: 'not-ours' });
  const record = raw as Record<string, unknown>;
  const version = record.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) return fail({ kind: 'no-version' });
  if (version > DOCUMENT_VERSION) return fail({ kind: 'newer', version });
  const migrated = migrateToCurrent(record, version, registry);
  if (!migrated.ok) return fail({ kind: 'older-unreadable', version });
  const parsed = documentV1Schema.safeParse(migrated.doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(issue ? { kind: 'invalid', where: pathOf(issue.path), problem: problemOf(issue) } : { kind: 'invalid', where: 'the top level', problem: 'it does not match the format' }, parsed.error.message);
  }
  const setup = fromWire(parsed.data);
  return setup.ok ? { ok: true, value: setup.setup } : fail({ kind: 'invalid', where: setup.problem.where, problem: setup.problem.problem });
}
