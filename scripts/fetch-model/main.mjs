// fetch-model from start to end: read the command line, list the repo, pick the files for the dtype, download
// each, and say what to do next. Returns the exit code: 0 done, 1 failed, 2 bad usage.
import path from 'node:path';
import { parseCommandLine, USAGE } from './args.mjs';
import { FetchModelError, interruptedError } from './errors.mjs';
import { fetchFile } from './download.mjs';
import { selectFiles } from './fileList.mjs';
import { hubEndpoint, listRepoFiles, requestHeaders, resolveUrl } from './hubApi.mjs';
import { createProgress, formatBytes } from './progress.mjs';

/**
 * @typedef {{ write(text: string): unknown, isTTY?: boolean, columns?: number }} OutputStream
 * @typedef {{
 *   argv: string[], env: Record<string, string | undefined>, stdout: OutputStream, stderr: OutputStream,
 *   projectRoot: string, cwd?: string, signal?: AbortSignal, retries?: number, idleMs?: number,
 *   sleep?: (ms: number) => Promise<void>, fetchImpl?: typeof fetch,
 * }} MainOptions
 */

/**
 * A writer that never shows a secret: the token could come back inside a server's error message.
 * @param {OutputStream} stream
 * @param {string[]} secrets
 */
export function redactingWriter(stream, secrets) {
  const shown = secrets.filter((secret) => secret.length > 0);
  return (text) => {
    let safe = text;
    for (const secret of shown) safe = safe.split(secret).join('***');
    stream.write(safe);
  };
}

/** @param {MainOptions} options @returns {Promise<number>} */
export async function main(options) {
  const token = options.env.HF_TOKEN?.trim() || undefined;
  const out = redactingWriter(options.stdout, token ? [token] : []);
  const err = redactingWriter(options.stderr, token ? [token] : []);
  const args = parseCommandLine(options.argv);
  if (args.kind === 'help') {
    out(`${USAGE}\n`);
    return 0;
  }
  if (args.kind === 'usage-error') {
    err(`fetch-model: ${args.message}\n\n${USAGE}\n`);
    return 2;
  }
  const endpoint = hubEndpoint(options.env);
  if (!endpoint.ok) {
    err(`fetch-model: ${endpoint.message}\n`);
    return 2;
  }
  const cwd = options.cwd ?? process.cwd();
  const defaultDir = path.join(options.projectRoot, 'public', 'models');
  const modelsDir = args.dir ? path.resolve(cwd, args.dir) : defaultDir;
  const modelDir = path.join(modelsDir, ...args.id.split('/'));
  const shown = (file) => displayPath(file, cwd);
  const progress = createProgress({ write: out, isTTY: Boolean(options.stdout.isTTY), columns: options.stdout.columns });
  const signal = options.signal ?? new AbortController().signal;
  const idleMs = options.idleMs ?? 30_000;
  try {
    out(`Fetching ${args.id} (${args.dtype}) from ${endpoint.endpoint}${token ? ' with HF_TOKEN (not shown)' : ''}\n`);
    const listing = await listRepoFiles({ endpoint: endpoint.endpoint, id: args.id, token, signal, idleMs, fetchImpl: options.fetchImpl });
    const selection = selectFiles(listing, args.dtype, args.id);
    if (!selection.ok) throw new FetchModelError(selection.message);
    const total = selection.files.reduce((sum, file) => sum + file.size, 0);
    out(`into ${shown(modelDir)}${path.sep}: ${selection.files.length} files, ${formatBytes(total)}\n`);
    for (const file of selection.files) {
      const target = path.join(modelDir, ...file.path.split('/'));
      // The paths come from a fixed list (fileList.mjs); this keeps a mistake there from writing elsewhere.
      if (!target.startsWith(modelDir + path.sep)) throw new FetchModelError(`Refusing ${JSON.stringify(file.path)}, a path outside ${modelDir}.`);
      const result = await fetchFile({
        url: resolveUrl(endpoint.endpoint, args.id, file.path),
        target,
        label: file.path,
        expected: file,
        headers: requestHeaders(token),
        id: args.id,
        tokenSet: Boolean(token),
        progress,
        signal,
        idleMs,
        retries: options.retries ?? 3,
        sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
        fetchImpl: options.fetchImpl,
      });
      const note = result.outcome === 'present' ? 'already here' : result.resumedAt > 0 ? `resumed at ${formatBytes(result.resumedAt)}` : 'downloaded';
      progress.line(`  ok ${file.path}  ${formatBytes(file.size)}  ${note}, ${result.checked} checked`);
    }
    out(`Done: ${args.id} (${args.dtype}) is in ${shown(modelDir)}${path.sep}\n\n${nextSteps(args.id, args.dtype, modelsDir, defaultDir, shown)}\n`);
    return 0;
  } catch (error) {
    progress.clear();
    if (signal.aborted && !(error instanceof FetchModelError)) {
      err(`fetch-model: ${interruptedError().message}\n`); // e.g. stopped while checking a file already here
      return 1;
    }
    if (error instanceof FetchModelError) {
      err(`fetch-model: ${error.message}\n`);
      return 1;
    }
    err(`fetch-model: unexpected error while fetching ${args.id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nRun the same command again; if it fails the same way, report it with this output.\n`);
    return 1;
  }
}

/** Relative to the working folder when inside it (shorter, and what the user typed), else absolute. */
function displayPath(file, cwd) {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function nextSteps(id, dtype, modelsDir, defaultDir, shown) {
  const where = modelsDir === defaultDir
    ? `Built into the app by \`npm run build\` (copied to dist/models/${id}/); or copy public/models/${id} to dist/models/${id} on your static host.`
    : `Copy ${shown(path.join(modelsDir, ...id.split('/')))} to dist/models/${id} on your static host (or to public/models/${id}, so that \`npm run build\` copies it).`;
  return `Next:\n  ${where}\n  In the app, type ${id} in the Model field (Precision: ${dtype}); it loads from /models/ first.`;
}
