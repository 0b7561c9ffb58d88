import { describe, expect, it } from 'vitest';
import { selectFiles } from './fileList.mjs';

const file = (path: string, size = 10) => ({ path, size });

/** A repo as Xenova's cross-encoders are laid out, with every dtype, one of them in external data files. */
const LISTING = [
  file('.gitattributes'),
  file('README.md'),
  file('config.json'),
  file('tokenizer.json'),
  file('tokenizer_config.json'),
  file('special_tokens_map.json'),
  file('vocab.txt'),
  file('onnx/model.onnx'),
  file('onnx/model.onnx_data'),
  file('onnx/model.onnx_data_1'),
  file('onnx/model_fp16.onnx'),
  file('onnx/model_quantized.onnx'),
  file('onnx/model_int8.onnx'),
  file('onnx/model_quantized.onnx_backup'), // not a data file: only _data, _data_1, _data_2, … are
];

const paths = (result: ReturnType<typeof selectFiles>) => (result.ok ? result.files.map((f) => f.path) : result.message);

describe('selectFiles', () => {
  it('for q8 takes model_quantized.onnx and no other ONNX file', () => {
    expect(paths(selectFiles(LISTING, 'q8', 'a/b'))).toEqual([
      'config.json',
      'tokenizer.json',
      'tokenizer_config.json',
      'special_tokens_map.json',
      'vocab.txt',
      'onnx/model_quantized.onnx',
    ]);
  });

  it('for fp32 takes model.onnx with its external data files, in chunk order', () => {
    const selected = paths(selectFiles([...LISTING, file('onnx/model.onnx_data_10'), file('onnx/model.onnx_data_2')], 'fp32', 'a/b'));
    expect(selected.slice(5)).toEqual(['onnx/model.onnx', 'onnx/model.onnx_data', 'onnx/model.onnx_data_1', 'onnx/model.onnx_data_2', 'onnx/model.onnx_data_10']);
  });

  it('for fp16 takes model_fp16.onnx, and not fp32 data files', () => {
    expect(paths(selectFiles(LISTING, 'fp16', 'a/b')).slice(5)).toEqual(['onnx/model_fp16.onnx']);
  });

  it('leaves out the optional tokenizer files a repo does not have', () => {
    const listing = LISTING.filter((f) => f.path !== 'vocab.txt' && f.path !== 'special_tokens_map.json');
    expect(paths(selectFiles(listing, 'q8', 'a/b'))).toEqual(['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']);
  });

  it('keeps the listed size and hashes', () => {
    const listing = [...LISTING.filter((f) => f.path !== 'config.json'), { path: 'config.json', size: 700, gitOid: 'a'.repeat(40) }];
    const result = selectFiles(listing, 'q8', 'a/b');
    expect(result.ok && result.files[0]).toEqual({ path: 'config.json', size: 700, gitOid: 'a'.repeat(40) });
  });

  it('names the builds a repo has when the dtype asked for is missing', () => {
    const listing = LISTING.filter((f) => f.path !== 'onnx/model_fp16.onnx');
    expect(paths(selectFiles(listing, 'fp16', 'a/b'))).toBe(
      'a/b has no onnx/model_fp16.onnx, so no fp16 build. It has: fp32 (onnx/model.onnx), q8 (onnx/model_quantized.onnx). Run again with --dtype fp32.',
    );
  });

  it('says when a repo has no ONNX weights at all', () => {
    const listing = LISTING.filter((f) => !f.path.startsWith('onnx/'));
    expect(paths(selectFiles(listing, 'q8', 'a/b'))).toContain('transformers.js needs ONNX weights');
  });

  it('names the missing required files', () => {
    const listing = LISTING.filter((f) => f.path !== 'tokenizer.json' && f.path !== 'config.json');
    expect(paths(selectFiles(listing, 'q8', 'a/b'))).toContain('a/b has no config.json, tokenizer.json, so transformers.js cannot load it');
  });

  it('treats file names as data: __proto__ and constructor are just names', () => {
    const listing = [...LISTING, file('__proto__'), file('constructor'), file('onnx/model_quantized.onnx_data_toString')];
    expect(paths(selectFiles(listing, 'q8', '__proto__/constructor')).slice(5)).toEqual(['onnx/model_quantized.onnx']);
  });
});
