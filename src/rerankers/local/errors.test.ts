import { describe, expect, it } from 'vitest';
import { classifyLoadError, describeCause } from './errors';

describe('classifyLoadError', () => {
  it('calls a missing model "not found" and names it', () => {
    const e = classifyLoadError('org/missing', new Error('Could not locate file: "https://huggingface.co/org/missing/resolve/main/config.json".'));
    expect(e.kind).toBe('model-not-found');
    expect(e.message).toContain('org/missing');
  });
  it('calls a fetch TypeError a network problem (what Chromium throws offline)', () => {
    const offline = classifyLoadError('Xenova/ms-marco-MiniLM-L-6-v2', new TypeError('Failed to fetch'));
    expect(offline.kind).toBe('network');
    // The message names the three ways out: the network, a self-hosted copy (fetch-model), a session file with scores.
    expect(offline.message).toContain('connect to the internet');
    expect(offline.message).toContain('npm run fetch-model -- Xenova/ms-marco-MiniLM-L-6-v2');
    expect(offline.message).toContain('session file with the scores');
  });
  it('calls an HTML page served as ONNX a corrupt model (onnxruntime-web 1.31 wording)', () => {
    const cause = new Error("Can't create a session. ERROR_CODE: 7, ERROR_MESSAGE: Failed to load model because protobuf parsing failed.");
    const e = classifyLoadError('m', cause);
    expect(e.kind).toBe('model-corrupt');
    expect(e.cause).toContain('protobuf parsing failed');
  });
  it('falls back to a generic load failure', () => {
    expect(classifyLoadError('m', new Error('something else')).kind).toBe('load-failed');
  });
});

describe('describeCause', () => {
  it('explains a bare number thrown by onnxruntime-web', () => {
    expect(describeCause(123456)).toBe('onnxruntime error code 123456');
  });
});
