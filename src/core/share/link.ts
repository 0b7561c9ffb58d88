import type { Result } from '../types';
import { decodeBase64url, encodeBase64url } from './base64url';
import { platformDeflateRaw, type DeflateRawCodec } from './compression';
import { crc32Hex } from './crc32';
import { readDocument, writeDocument } from './document';
import { shareError, type ShareError } from './failures';
import type { Migration } from './migrations';
import type { SharedSetup, ShareSource } from './types';

/**
 * A share link carries the setup in the URL fragment, which browsers never send to a server:
 *   #s=<link format>.<base64url of the deflate-raw compressed document JSON>.<CRC-32 of that JSON, 8 hex digits>
 * The checksum comes last, so a link that was cut off has lost it and is told as such.
 * Other fragment parameters (`&name=value`) are left alone.
 */
export const LINK_PARAM = 's';
export const LINK_FORMAT = 1;
/** A link may unpack to at most this many bytes: enough for any setup a URL can hold, and no zip bomb. */
export const MAX_UNPACKED_BYTES = 50_000_000;
/** Past this length some apps and browsers cut links (see ShareMenu for which). */
export const LONG_LINK_CHARS = 2000;

const LINK: ShareSource = { kind: 'link' };

export interface LinkOptions {
  secrets: readonly string[];
  codec?: DeflateRawCodec;
}

/** The fragment parameter, without '#': `s=1.<data>.<checksum>`. */
export async function encodeShareParam(setup: SharedSetup, options: LinkOptions): Promise<Result<string, ShareError>> {
  const written = writeDocument(setup, { includeRuns: false, secrets: options.secrets }, LINK);
  if (!written.ok) return written;
  const bytes = new TextEncoder().encode(written.value);
  const packed = await (options.codec ?? platformDeflateRaw).deflate(bytes);
  return { ok: true, value: `${LINK_PARAM}=${LINK_FORMAT}.${encodeBase64url(packed)}.${crc32Hex(bytes)}` };
}

function fragmentParts(hash: string): string[] {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  return body === '' ? [] : body.split('&');
}

/** The share parameter's value in a location hash (`#s=...&x=y`), or null when it has none. */
export function shareParamOf(hash: string): string | null {
  const part = fragmentParts(hash).find((p) => p.startsWith(`${LINK_PARAM}=`));
  return part === undefined ? null : part.slice(LINK_PARAM.length + 1);
}

/** The hash with the share parameter taken out, other parameters kept ('' when none is left). */
export function hashWithoutShareParam(hash: string): string {
  const rest = fragmentParts(hash).filter((p) => !p.startsWith(`${LINK_PARAM}=`));
  return rest.length === 0 ? '' : `#${rest.join('&')}`;
}

export interface DecodeOptions {
  codec?: DeflateRawCodec;
  maxUnpackedBytes?: number;
  registry?: ReadonlyMap<number, Migration>;
}

/** The setup in a share parameter's value (`1.<data>.<checksum>`), checked all the way. Never throws. */
export async function decodeShareParam(value: string, options: DecodeOptions = {}): Promise<Result<SharedSetup, ShareError>> {
  const fail = (failure: Parameters<typeof shareError>[0], cause?: string) => ({ ok: false as const, error: shareError(failure, LINK, cause) });
  const prefix = /^(\d{1,6})\./.exec(value);
  if (!prefix?.[1]) return fail({ kind: 'not-a-share-link' });
  const format = Number(prefix[1]);
  if (format > LINK_FORMAT) return fail({ kind: 'newer', version: format });
  if (format < LINK_FORMAT) return fail({ kind: 'older-unreadable', version: format });
  // A link that ends a sentence often gets the sentence's full stop or bracket glued on by chat apps.
  const rest = value.slice(prefix[0].length).replace(/[.,;:!?)\]'"]+$/, '');
  const dot = rest.lastIndexOf('.');
  const checksum = dot === -1 ? '' : rest.slice(dot + 1);
  if (checksum.length < 8) return fail({ kind: 'cut-off', length: value.length });
  if (!/^[0-9a-f]{8}$/.test(checksum)) return fail({ kind: 'checksum' });
  const data = rest.slice(0, dot);
  const decoded = decodeBase64url(data);
  if (!decoded.ok) return fail(decoded.failure);
  const unpacked = await (options.codec ?? platformDeflateRaw).inflate(decoded.bytes, options.maxUnpackedBytes ?? MAX_UNPACKED_BYTES);
  if (!unpacked.ok) return unpacked.reason === 'too-large' ? fail({ kind: 'too-large', limit: unpacked.limit }) : fail({ kind: 'unpack-failed', cause: unpacked.cause }, unpacked.cause);
  if (crc32Hex(unpacked.bytes) !== checksum) return fail({ kind: 'checksum' });
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(unpacked.bytes);
  } catch {
    return fail({ kind: 'not-text' });
  }
  return readDocument(json, LINK, options.registry);
}
