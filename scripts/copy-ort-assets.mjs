// Copies the onnxruntime-web runtime files that transformers.js loads into public/ort/, so the app
// serves them itself instead of fetching them from a CDN.
//
// transformers.js 4.3.1 imports `onnxruntime-web/webgpu` (the bundle with the JS glue inlined) for
// both the WASM and the WebGPU device, and points `env.backends.onnx.wasm.wasmPaths` at
// `ort-wasm-simd-threaded.asyncify.{mjs,wasm}`; only Safari < 26 without WebGPU gets the plain
// `ort-wasm-simd-threaded.{mjs,wasm}`. The JSEP and JSPI builds are never loaded, so they are not copied.
//
// onnxruntime-web is resolved from @huggingface/transformers' own location, so the files are the exact
// build it depends on even if another version is hoisted. Idempotent: files whose size and mtime already
// match are skipped.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'public', 'ort');

export const ORT_RUNTIME_FILES = [
  'ort-wasm-simd-threaded.asyncify.mjs',
  'ort-wasm-simd-threaded.asyncify.wasm',
  'ort-wasm-simd-threaded.mjs',
  'ort-wasm-simd-threaded.wasm',
];

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
console.log(`copy-ort-assets: onnxruntime-web ${version}, ${copied} copied, ${ORT_RUNTIME_FILES.length - copied} up to date -> public/ort/`);
