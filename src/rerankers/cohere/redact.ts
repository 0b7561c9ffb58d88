const REDACTED = '[redacted key]';

/**
 * Replaces every occurrence of the API key in `text`. Used on every error message and cause, since
 * servers and proxies sometimes echo request headers back in error bodies.
 * Keys shorter than 4 characters are left alone: replacing them would mangle ordinary words.
 */
export function redactKey(text: string, key: string): string {
  const secret = key.trim();
  if (secret.length < 4) return text;
  return text.split(secret).join(REDACTED);
}
