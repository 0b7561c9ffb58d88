import type { CohereSettings } from './settings';

/** Where a failure happened; every message names the server and, when chunked, the call. */
export interface FailureContext {
  settings: CohereSettings;
  /** The validated base URL the call went to. */
  baseUrl: string;
  endpoint: string;
  /** " (call 2 of 3)" when the documents were split, else "". */
  callLabel: string;
}

/** Enough of a FailureContext to name the server. */
export type ServerRef = Pick<FailureContext, 'settings' | 'baseUrl'>;

export function isCohere(ctx: ServerRef): boolean {
  return ctx.settings.provider === 'cohere';
}

/** "Cohere" or "The server at …", to start a sentence. */
export function who(ctx: ServerRef): string {
  return isCohere(ctx) ? 'Cohere' : `The server at ${ctx.baseUrl}`;
}

/** "Cohere's server" or "The server at …", to start a sentence about the machine rather than the company. */
export function serverName(ctx: ServerRef): string {
  return isCohere(ctx) ? "Cohere's server" : `The server at ${ctx.baseUrl}`;
}

export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

/** "once", "twice", "3 times". */
export function times(n: number): string {
  if (n === 1) return 'once';
  if (n === 2) return 'twice';
  return `${n} times`;
}

/** An error as a developer needs it in a cause: name, message and the inner cause fetch often hides the detail in. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.name}: ${error.message}${inner}`;
}
