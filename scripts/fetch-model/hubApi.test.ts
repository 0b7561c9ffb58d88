import { describe, expect, it } from 'vitest';
import { hubEndpoint, nextPageUrl, repoFile, requestHeaders, resolveUrl } from './hubApi.mjs';

describe('hubEndpoint', () => {
  it('is the public Hub unless HF_ENDPOINT says otherwise', () => {
    expect(hubEndpoint({})).toEqual({ ok: true, endpoint: 'https://huggingface.co' });
    expect(hubEndpoint({ HF_ENDPOINT: '  ' })).toEqual({ ok: true, endpoint: 'https://huggingface.co' });
  });

  it('takes HF_ENDPOINT without its trailing slashes', () => {
    expect(hubEndpoint({ HF_ENDPOINT: 'http://127.0.0.1:8080/' })).toEqual({ ok: true, endpoint: 'http://127.0.0.1:8080' });
    expect(hubEndpoint({ HF_ENDPOINT: 'https://mirror.example/hf//' })).toEqual({ ok: true, endpoint: 'https://mirror.example/hf' });
  });

  it('refuses an HF_ENDPOINT that is not an http(s) URL', () => {
    expect(hubEndpoint({ HF_ENDPOINT: 'not a url' })).toMatchObject({ ok: false, message: expect.stringContaining('is not a URL') });
    expect(hubEndpoint({ HF_ENDPOINT: 'file:///etc' })).toMatchObject({ ok: false, message: expect.stringContaining('http(s)') });
  });
});

describe('resolveUrl', () => {
  it('builds the resolve/main URL, encoding each path segment but not the slashes', () => {
    expect(resolveUrl('https://huggingface.co', 'Xenova/m', 'onnx/model_quantized.onnx')).toBe('https://huggingface.co/Xenova/m/resolve/main/onnx/model_quantized.onnx');
    expect(resolveUrl('http://h', 'a/b', 'dir/a file#1.json')).toBe('http://h/a/b/resolve/main/dir/a%20file%231.json');
  });
});

describe('requestHeaders', () => {
  it('sends the token as a Bearer Authorization, and asks for uncompressed bytes', () => {
    expect(requestHeaders('hf_x')).toMatchObject({ authorization: 'Bearer hf_x', 'accept-encoding': 'identity' });
    expect(requestHeaders(undefined)).not.toHaveProperty('authorization');
  });
});

describe('nextPageUrl', () => {
  it('reads rel="next" from a Link header, relative to the page', () => {
    expect(nextPageUrl('<https://huggingface.co/api/models/a/b/tree/main?cursor=xyz>; rel="next"', 'https://huggingface.co/api/x')).toBe('https://huggingface.co/api/models/a/b/tree/main?cursor=xyz');
    expect(nextPageUrl('</api/models/a/b/tree/main?cursor=2>; rel="next"', 'http://127.0.0.1:9000/api/x')).toBe('http://127.0.0.1:9000/api/models/a/b/tree/main?cursor=2');
  });

  it('is undefined without a next link', () => {
    expect(nextPageUrl(null, 'http://h/')).toBeUndefined();
    expect(nextPageUrl('<http://h/p1>; rel="prev"', 'http://h/')).toBeUndefined();
  });
});

describe('repoFile', () => {
  const sha = 'a'.repeat(64);
  const oid = 'b'.repeat(40);

  it('takes the LFS oid as the sha256', () => {
    expect(repoFile({ type: 'file', path: 'onnx/model.onnx', size: 5, oid, lfs: { oid: sha, size: 5, pointerSize: 134 } })).toEqual({ path: 'onnx/model.onnx', size: 5, sha256: sha });
  });

  it('takes the git oid of a file kept in git', () => {
    expect(repoFile({ type: 'file', path: 'config.json', size: 7, oid })).toEqual({ path: 'config.json', size: 7, gitOid: oid });
  });

  it('keeps only the size when the hashes are not what they should be', () => {
    expect(repoFile({ type: 'file', path: 'x', size: 1, oid: 'short', lfs: { oid: 'not-hex' } })).toEqual({ path: 'x', size: 1 });
  });

  it.each([
    [{ type: 'directory', path: 'onnx', size: 0, oid }],
    [{ type: 'file', path: 'x', size: -1, oid }],
    [{ type: 'file', path: 'x', size: '5', oid }],
    [{ type: 'file', size: 5, oid }],
    [null],
    ['config.json'],
  ])('skips %j', (entry) => {
    expect(repoFile(entry)).toBeNull();
  });
});
