import { existsSync, readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ID, setUp, tinyRepo } from './testRepo.mjs';

let env: Awaited<ReturnType<typeof setUp>> | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

/** A port nothing listens on: one the system just gave out, closed again. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('fetch-model, when the download is damaged', () => {
  it('detects a sha256 mismatch, deletes the part and says to run again', async () => {
    env = await setUp({ corrupt: new Set(['onnx/model_quantized.onnx']) });
    const result = await env.run([REPO_ID]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('onnx/model_quantized.onnx: sha256 mismatch: the Hub lists ');
    expect(result.stderr).toContain('was deleted. Run the same command again to download it afresh');
    const target = env.modelFile('onnx/model_quantized.onnx');
    expect(existsSync(target)).toBe(false);
    expect(existsSync(`${target}.part`)).toBe(false);
  });

  it('detects a damaged small file by its git blob id', async () => {
    env = await setUp({ corrupt: new Set(['tokenizer.json']) });
    const result = await env.run([REPO_ID]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('tokenizer.json: git blob sha1 mismatch');
    // config.json, before it in the list, is kept; nothing after the damaged file was fetched.
    expect(readdirSync(path.dirname(env.modelFile('config.json')))).toEqual(['config.json']);
  });
});

describe('fetch-model, when the Hub refuses or is unreachable', () => {
  it('says there is no such model, or that it is private or gated', async () => {
    env = await setUp();
    const result = await env.run(['test-org/no-such-model']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `fetch-model: No such model on the Hub, or it is private/gated: check the id, or set HF_TOKEN to a Hub access token (https://huggingface.co/settings/tokens) if the model is gated or private. (${env.hub.endpoint}/api/models/test-org/no-such-model/tree/main?recursive=true answered 404 Not Found: "Repository not found".)\n`,
    );
  });

  it('says when the network is down, and that running again resumes', async () => {
    env = await setUp();
    const port = await closedPort();
    const result = await env.run([REPO_ID], { env: { HF_ENDPOINT: `http://127.0.0.1:${port}` } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Could not reach 127.0.0.1:${port} (ECONNREFUSED): the network is down`);
    expect(result.stderr).toContain('a partial file resumes where it stopped');
  });

  it('gives up on a download that stalls, keeping what arrived', async () => {
    env = await setUp({ stallAfter: new Map([['onnx/model_quantized.onnx', 40_000]]) });
    const started = Date.now();
    const result = await env.run([REPO_ID], { idleMs: 300 });
    expect(result.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(4000);
    expect(result.stderr).toMatch(/sent nothing for 0.3 s while fetching http:\/\/127\.0\.0\.1:\d+\/blob\//);
    expect(existsSync(`${env.modelFile('onnx/model_quantized.onnx')}.part`)).toBe(true);
  });

  it('names the builds a repo has when the dtype asked for is missing', async () => {
    const repo = tinyRepo();
    repo.delete('onnx/model_fp16.onnx');
    env = await setUp({ repos: new Map([[REPO_ID, repo]]) });
    const result = await env.run([REPO_ID, '--dtype', 'fp16']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('has no onnx/model_fp16.onnx, so no fp16 build. It has: fp32 (onnx/model.onnx), q8 (onnx/model_quantized.onnx). Run again with --dtype fp32.');
    expect(env.hub.requests.filter((r) => r.url.includes('/resolve/'))).toEqual([]);
  });
});

describe('fetch-model, bad usage', () => {
  it.each([
    [['../etc/passwd'], 'is not a Hugging Face model id'],
    [['a/b', '--dtype', 'q4'], '--dtype "q4" is not one of q8, fp32, fp16'],
    [[], 'Give the model id'],
  ])('exits 2 for %j, before any request', async (argv, message) => {
    env = await setUp();
    const result = await env.run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: npm run fetch-model');
    expect(env.hub.requests).toEqual([]);
  });

  it('exits 2 for an HF_ENDPOINT that is not a URL', async () => {
    env = await setUp();
    const result = await env.run([REPO_ID], { env: { HF_ENDPOINT: 'huggingface.co' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('HF_ENDPOINT="huggingface.co" is not a URL');
  });
});
