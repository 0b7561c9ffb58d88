import { toWire } from './wire';
import type { SharedSetup } from './types';

/**
 * Whether two setups show the same thing (scores aside): opening a link of what is already on screen needs
 * no question. Compared as their documents, so Maps compare by content and in order.
 */
export function sameSetup(a: SharedSetup, b: SharedSetup): boolean {
  return JSON.stringify(toWire(a, { includeRuns: false })) === JSON.stringify(toWire(b, { includeRuns: false }));
}
