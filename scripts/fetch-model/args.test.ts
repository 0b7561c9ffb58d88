import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './args.mjs';

describe('parseCommandLine', () => {
  it('takes q8 when no dtype is given', () => {
    expect(parseCommandLine(['Xenova/ms-marco-MiniLM-L-6-v2'])).toEqual({ kind: 'run', id: 'Xenova/ms-marco-MiniLM-L-6-v2', dtype: 'q8', dir: undefined });
  });

  it.each(['q8', 'fp32', 'fp16'])('reads --dtype %s, before or after the id', (dtype) => {
    expect(parseCommandLine(['a/b', '--dtype', dtype])).toMatchObject({ kind: 'run', dtype });
    expect(parseCommandLine([`--dtype=${dtype}`, 'a/b'])).toMatchObject({ kind: 'run', dtype });
  });

  it('reads --dir', () => {
    expect(parseCommandLine(['a/b', '--dir', 'some/folder'])).toMatchObject({ kind: 'run', dir: 'some/folder' });
  });

  it('reads --help and -h', () => {
    expect(parseCommandLine(['--help'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['a/b', '-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [[], 'Give the model id'],
    [['a/b', 'c/d'], 'One model id at a time'],
    [['../x'], 'is not a Hugging Face model id'],
    [['a/b', '--dtype', 'int4'], '--dtype "int4" is not one of q8, fp32, fp16'],
    [['a/b', '--dtpye', 'q8'], "Unknown option '--dtpye'"],
    [['a/b', '--dtype'], '--dtype'],
    [['a/b', '--dir', ' '], '--dir needs a folder'],
  ])('refuses %j, saying why', (argv, message) => {
    const parsed = parseCommandLine(argv);
    expect(parsed.kind).toBe('usage-error');
    if (parsed.kind === 'usage-error') expect(parsed.message).toContain(message);
  });
});
