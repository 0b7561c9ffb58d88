import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ID, setUp, tinyRepo } from './testRepo.mjs';

// The entry, scripts/fetch-model.mjs, run as `npm run fetch-model` runs it: a child process, whose exit code is
// what a shell or CI sees. Async (execFile, not execFileSync): the stand-in answers from this same process.
const ENTRY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fetch-model.mjs');

function runEntry(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const inherited = { ...process.env };
    delete inherited.HF_TOKEN; // the developer's own token must not reach the test
    execFile(process.execPath, [ENTRY, ...args], { env: { ...inherited, ...env }, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

let env: Awaited<ReturnType<typeof setUp>> | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

describe('scripts/fetch-model.mjs', () => {
  it('downloads a model and exits 0', async () => {
    env = await setUp();
    const result = await runEntry([REPO_ID, '--dtype', 'fp32', '--dir', env.dir], { HF_ENDPOINT: env.hub.endpoint });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(env.modelFile('onnx/model.onnx')).equals(Buffer.from(tinyRepo().get('onnx/model.onnx')?.content ?? ''))).toBe(true);
    expect(result.stdout).toContain('Next:');
  });

  it('exits 2 for a bad id', async () => {
    const result = await runEntry(['not-an-id'], { HF_ENDPOINT: 'http://127.0.0.1:9' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"not-an-id" is not a Hugging Face model id');
  });

  it('exits 1 when the model is not on the Hub', async () => {
    env = await setUp();
    const result = await runEntry(['test-org/missing', '--dir', env.dir], { HF_ENDPOINT: env.hub.endpoint });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No such model on the Hub');
  });

  it('prints its usage for --help and exits 0', async () => {
    const result = await runEntry(['--help'], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: npm run fetch-model -- <hub id> [--dtype q8|fp32|fp16]');
  });
});
