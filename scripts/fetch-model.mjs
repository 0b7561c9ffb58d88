// `npm run fetch-model -- <hub id> [--dtype q8|fp32|fp16]`: downloads a model from the Hugging Face Hub into
// public/models/<hub id>/ for offline use. The work is in scripts/fetch-model/; this file only wires it to the process.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './fetch-model/main.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stop = new AbortController();
// The first Ctrl-C stops cleanly (the partial file stays, to resume); a second one leaves at once.
process.once('SIGINT', () => {
  stop.abort(new Error('SIGINT'));
  process.once('SIGINT', () => process.exit(130));
});
process.exitCode = await main({ argv: process.argv.slice(2), env: process.env, stdout: process.stdout, stderr: process.stderr, projectRoot, signal: stop.signal });
