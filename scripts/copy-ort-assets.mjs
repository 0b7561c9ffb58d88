// Copies the onnxruntime-web runtime files that transformers.js loads into public/ort/, so the app
// serves them itself instead of fetching them from a CDN.
//
// transformers.js 4.3.1 imports `onnxruntime-web/webgpu` (the bundle with the JS glue inlined) for
// both the WASM and the WebGPU device. The app sets `env.backends.onnx.wasm.wasmPaths` to
// `ort-wasm-simd-threaded.asyncify.{mjs,wasm}` for every browser (src/rerankers/local/crossEncoder.ts), so
// that is the only build copied: dist/ ships one onnxruntime wasm. (Left to itself, transformers.js would give
// Safari < 26 without WebGPU the plain build from a CDN.) The JSEP, JSPI and plain builds are never loaded.
// Files in public/ort/ that are not listed here (left by an older copy) are removed, so they do not reach dist/.
//
// onnxruntime-web is resolved from @huggingface/transformers' own location, so the files are the exact
// build it depends on even if another version is hoisted. Idempotent: files whose size and mtime already
// match are skipped.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'public', 'ort');

export const ORT_RUNTIME_FILES = ['ort-wasm-simd-threaded.asyncify.mjs', 'ort-wasm-simd-threaded.asyncify.wasm'];

/** The package.json above a resolved entry point (package.json itself is not in `exports`). */
function packageJsonAbove(entry, name) {
  let dir = path.dirname(entry);
  while (dir !== path.dirname(dir)) {
    const candidate = path.join(dir, 'package.json');
    if (existsSync(candidate) && JSON.parse(readFileSync(candidate, 'utf8')).name === name) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`No package.json for ${name} above ${entry}`);
}

function findOrtDist() {
  const fromApp = createRequire(path.join(root, 'package.json'));
  const transformersPkg = packageJsonAbove(fromApp.resolve('@huggingface/transformers'), '@huggingface/transformers');
  const fromTransformers = createRequire(transformersPkg);
  const ortPkgPath = packageJsonAbove(fromTransformers.resolve('onnxruntime-web'), 'onnxruntime-web');
  const wanted = JSON.parse(readFileSync(transformersPkg, 'utf8')).dependencies['onnxruntime-web'];
  const found = JSON.parse(readFileSync(ortPkgPath, 'utf8')).version;
  if (wanted !== found) {
    throw new Error(`onnxruntime-web ${found} found, but @huggingface/transformers wants ${wanted}. Run npm ci.`);
  }
  return { dist: path.join(path.dirname(ortPkgPath), 'dist'), version: found };
}

function upToDate(from, to) {
  if (!existsSync(to)) return false;
  const a = statSync(from);
  const b = statSync(to);
  return a.size === b.size && Math.floor(a.mtimeMs / 1000) === Math.floor(b.mtimeMs / 1000);
}

const { dist, version } = findOrtDist();
mkdirSync(target, { recursive: true });
let copied = 0;
for (const name of ORT_RUNTIME_FILES) {
  const from = path.join(dist, name);
  const to = path.join(target, name);
  if (upToDate(from, to)) continue;
  copyFileSync(from, to);
  const { atime, mtime } = statSync(from);
  utimesSync(to, atime, mtime); // keep the source mtime, so the next run can skip the copy
  copied += 1;
}
const stale = readdirSync(target).filter((name) => !ORT_RUNTIME_FILES.includes(name));
for (const name of stale) rmSync(path.join(target, name), { force: true });
console.log(
  `copy-ort-assets: onnxruntime-web ${version}, ${copied} copied, ${ORT_RUNTIME_FILES.length - copied} up to date -> public/ort/` +
    (stale.length > 0 ? `; removed ${stale.join(', ')}` : ''),
);
