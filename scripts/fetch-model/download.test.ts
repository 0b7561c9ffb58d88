import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ID, setUp, tinyRepo } from './testRepo.mjs';

let env: Awaited<ReturnType<typeof setUp>> | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

/** Every file under `dir`, as paths relative to it with / separators. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

const fileRequests = (requests: { method: string; url: string }[]) => requests.filter((r) => r.url.includes('/resolve/')).map((r) => r.url.replace(/^.*\/resolve\/main\//, ''));

describe('fetch-model, downloading a repo', () => {
  it('downloads the q8 build byte for byte, and only the files transformers.js reads', async () => {
    env = await setUp();
    const result = await env.run([REPO_ID]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const modelDir = path.join(env.dir, 'test-org', 'tiny-reranker');
    // README.md and the other dtypes' ONNX files stay on the Hub; no .part is left behind.
    expect(filesUnder(modelDir)).toEqual(['config.json', 'onnx/model_quantized.onnx', 'special_tokens_map.json', 'tokenizer.json', 'tokenizer_config.json', 'vocab.txt']);
    for (const [file, { content }] of tinyRepo()) {
      if (existsSync(env.modelFile(file))) expect(readFileSync(env.modelFile(file)).equals(Buffer.from(content))).toBe(true);
    }
    // 200,000 bytes (q8 ONNX) + the five small files, counted from testRepo.mjs' strings: config.json 72,
    // tokenizer.json 47, tokenizer_config.json 25, special_tokens_map.json 22, vocab.txt 4 lines of 6 = 24;
    // 190 bytes in all → 200,190 B = "200 kB".
    expect(result.stdout).toContain('6 files, 200 kB');
    expect(result.stdout).toContain('ok onnx/model_quantized.onnx  200 kB  downloaded, size and sha256 checked');
    expect(result.stdout).toContain('ok config.json  72 B  downloaded, size and git blob sha1 checked');
  });

  it('says what to do next', async () => {
    env = await setUp();
    const { stdout } = await env.run([REPO_ID, '--dtype', 'fp32']);
    expect(stdout).toContain(`type ${REPO_ID} in the Model field (Precision: fp32); it loads from /models/ first.`);
    expect(stdout).toContain(`dist/models/${REPO_ID}`);
  });

  it('puts the model in public/models/<id> of the project by default, and says how it reaches dist/', async () => {
    env = await setUp();
    const { code, stdout } = await env.run([REPO_ID], { projectLayout: true });
    expect(code).toBe(0);
    expect(statSync(path.join(env.dir, 'public', 'models', 'test-org', 'tiny-reranker', 'onnx', 'model_quantized.onnx')).size).toBe(200_000);
    expect(stdout).toContain(
      `Built into the app by \`npm run build\` (copied to dist/models/${REPO_ID}/); or copy public/models/${REPO_ID} to dist/models/${REPO_ID} on your static host.`,
    );
  });

  it('picks the ONNX file of the dtype asked for, with its external data', async () => {
    env = await setUp();
    expect((await env.run([REPO_ID, '--dtype', 'fp16'])).code).toBe(0);
    expect(filesUnder(path.dirname(env.modelFile('onnx/x')))).toEqual(['model_fp16.onnx', 'model_fp16.onnx_data']);
    expect(fileRequests(env.hub.requests).filter((f) => f.startsWith('onnx/'))).toEqual(['onnx/model_fp16.onnx', 'onnx/model_fp16.onnx_data']);
  });

  it('follows the Hub redirect to its CDN, and sends no Range on a fresh download', async () => {
    env = await setUp();
    await env.run([REPO_ID]);
    const onnx = env.hub.requests.filter((r) => r.url.includes('model_quantized') || r.server === 'cdn');
    expect(onnx.map((r) => r.server)).toEqual(['hub', 'cdn']);
    expect(onnx.every((r) => r.range === undefined)).toBe(true);
  });

  it('follows a renamed repo to its new name', async () => {
    env = await setUp({ renamed: new Map([['old-org/tiny-reranker', REPO_ID]]) });
    const result = await env.run(['old-org/tiny-reranker']);
    expect(result.code).toBe(0);
    expect(existsSync(env.modelFile('onnx/model_quantized.onnx', 'old-org/tiny-reranker'))).toBe(true);
  });

  it('reads a file list that comes in pages', async () => {
    env = await setUp({ pageSize: 3 });
    expect((await env.run([REPO_ID])).code).toBe(0);
    // 11 entries (the onnx folder and 10 files), 3 a page: 4 pages.
    expect(env.hub.requests.filter((r) => r.url.includes('/tree/main')).length).toBe(4);
  });

  it('skips files already here and verified, and replaces one that changed', async () => {
    env = await setUp();
    await env.run([REPO_ID]);
    writeFileSync(env.modelFile('vocab.txt'), 'changed by hand\n');
    env.hub.requests.length = 0;
    const second = await env.run([REPO_ID]);
    expect(second.code).toBe(0);
    expect(fileRequests(env.hub.requests)).toEqual(['vocab.txt']);
    expect(second.stdout).toContain('ok onnx/model_quantized.onnx  200 kB  already here, size and sha256 checked');
    expect(second.stdout).toContain('vocab.txt: the copy here differs from the Hub\'s (size); downloading it again');
    expect(readFileSync(env.modelFile('vocab.txt'), 'utf8')).toBe('[PAD]\n[CLS]\n[SEP]\nhello\n');
  });

  it('takes ids that name Object.prototype slots as plain names', async () => {
    env = await setUp({ repos: new Map([['__proto__/constructor', tinyRepo()]]) });
    expect((await env.run(['__proto__/constructor'])).code).toBe(0);
    expect(statSync(path.join(env.dir, '__proto__', 'constructor', 'onnx', 'model_quantized.onnx')).size).toBe(200_000);
  });

  it('draws a progress bar on a terminal', async () => {
    env = await setUp();
    const { stdout } = await env.run([REPO_ID], { tty: true });
    expect(stdout).toContain(`\r\x1b[K  onnx/model_quantized.onnx [${'#'.repeat(24)}] 100%  200 kB / 200 kB`);
  });
});

describe('fetch-model, resuming', () => {
  it('resumes an interrupted download where it stopped, on the next run', async () => {
    env = await setUp({ cutAfter: new Map([['onnx/model_quantized.onnx', 70_000]]) });
    const first = await env.run([REPO_ID]);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('broke off at 70.0 kB of 200 kB');
    expect(first.stderr).toContain('Run the same command again');
    const part = `${env.modelFile('onnx/model_quantized.onnx')}.part`;
    expect(statSync(part).size).toBe(70_000);
    expect(existsSync(env.modelFile('onnx/model_quantized.onnx'))).toBe(false);

    env.hub.requests.length = 0;
    const second = await env.run([REPO_ID]);
    expect(second.code).toBe(0);
    // The Hub is asked for the rest only, and passes the Range on through its redirect.
    expect(env.hub.requests.filter((r) => r.range).map((r) => [r.server, r.range])).toEqual([['hub', 'bytes=70000-'], ['cdn', 'bytes=70000-']]);
    expect(second.stdout).toContain('ok onnx/model_quantized.onnx  200 kB  resumed at 70.0 kB, size and sha256 checked');
    expect(readFileSync(env.modelFile('onnx/model_quantized.onnx')).equals(Buffer.from(tinyRepo().get('onnx/model_quantized.onnx')?.content ?? ''))).toBe(true);
    expect(existsSync(part)).toBe(false);
  });

  it('resumes by itself within a run when retries are left', async () => {
    env = await setUp({ cutAfter: new Map([['onnx/model_quantized.onnx', 120_000]]) });
    const result = await env.run([REPO_ID], { retries: 2 });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Trying again in 1 s (attempt 2 of 3)');
    expect(env.hub.requests.filter((r) => r.server === 'cdn').map((r) => r.range)).toEqual([undefined, 'bytes=120000-']);
  });

  it('starts again from 0 when the server ignores Range, without doubling the first bytes', async () => {
    env = await setUp({ ignoreRange: true });
    const target = env.modelFile('onnx/model_quantized.onnx');
    const content = Buffer.from(tinyRepo().get('onnx/model_quantized.onnx')?.content ?? '');
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(`${target}.part`, content.subarray(0, 50_000));
    const result = await env.run([REPO_ID]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('ignored the resume request (answered 200, not 206); downloading it from the start');
    expect(readFileSync(target).equals(content)).toBe(true);
  });

  it('drops a part longer than the file and downloads it afresh', async () => {
    env = await setUp();
    const target = env.modelFile('onnx/model_quantized.onnx');
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(`${target}.part`, Buffer.alloc(250_000));
    env.hub.requests.length = 0;
    expect((await env.run([REPO_ID])).code).toBe(0);
    expect(env.hub.requests.every((r) => r.range === undefined)).toBe(true);
    expect(statSync(target).size).toBe(200_000);
  });
});

describe('fetch-model with HF_TOKEN', () => {
  const TOKEN = 'hf_standInSecret123';

  it('sends the token to the Hub, never to the CDN, and never prints it', async () => {
    env = await setUp({ token: TOKEN });
    const result = await env.run([REPO_ID], { env: { HF_TOKEN: TOKEN } });
    expect(result.code).toBe(0);
    const hubRequests = env.hub.requests.filter((r) => r.server === 'hub');
    expect(hubRequests.length).toBeGreaterThan(0);
    expect(hubRequests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(env.hub.requests.filter((r) => r.server === 'cdn').map((r) => r.authorization)).toEqual([undefined]);
    expect(result.stdout).toContain('with HF_TOKEN (not shown)');
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });

  it('hides the token even when a server sends it back in an error', async () => {
    env = await setUp({ token: TOKEN });
    const wrong = 'hf_wrongButStillSecret';
    const result = await env.run([REPO_ID], { env: { HF_TOKEN: wrong } });
    expect(result.code).toBe(1);
    // The stand-in answers "Invalid credentials in Authorization header: Bearer hf_wrongButStillSecret".
    expect(result.stderr).toContain('Authorization header: Bearer ***');
    expect(result.stderr).toContain('HF_TOKEN is set, so check the id, that the token is valid');
    expect(result.stdout + result.stderr).not.toContain(wrong);
  });

  it('asks for a token when a gated repo is fetched without one', async () => {
    env = await setUp({ token: TOKEN });
    const result = await env.run([REPO_ID]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No such model on the Hub, or it is private/gated: check the id, or set HF_TOKEN');
    expect(result.stderr).toContain('answered 401 Unauthorized: "Access to model test-org/tiny-reranker is restricted. Please log in."');
  });
});
