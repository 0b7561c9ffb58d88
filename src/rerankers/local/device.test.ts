import { describe, expect, it } from 'vitest';
import { allowedDtypes, defaultDtype, detectDevices } from './device';

const navigatorWith = (gpu: unknown): Navigator => ({ gpu }) as unknown as Navigator;
const adapter = (features: string[]) => ({ features: new Set(features) });

describe('detectDevices', () => {
  it('needs a real adapter, not just navigator.gpu', async () => {
    expect(await detectDevices(navigatorWith({ requestAdapter: async () => null }))).toEqual({ webgpu: false, shaderF16: false });
    expect(await detectDevices(navigatorWith(undefined))).toEqual({ webgpu: false, shaderF16: false });
  });
  it('reports shader-f16 from the adapter', async () => {
    expect(await detectDevices(navigatorWith({ requestAdapter: async () => adapter(['shader-f16']) }))).toEqual({ webgpu: true, shaderF16: true });
    expect(await detectDevices(navigatorWith({ requestAdapter: async () => adapter([]) }))).toEqual({ webgpu: true, shaderF16: false });
  });
  it('treats a throwing requestAdapter as no WebGPU', async () => {
    expect((await detectDevices(navigatorWith({ requestAdapter: async () => { throw new Error('blocked'); } }))).webgpu).toBe(false);
  });
});

describe('dtypes', () => {
  it('defaults to q8 on WASM and fp32 on WebGPU; fp16 only with shader-f16', () => {
    expect(defaultDtype('wasm')).toBe('q8');
    expect(defaultDtype('webgpu')).toBe('fp32');
    expect(allowedDtypes('webgpu', { webgpu: true, shaderF16: false })).not.toContain('fp16');
    expect(allowedDtypes('webgpu', { webgpu: true, shaderF16: true })).toContain('fp16');
    expect(allowedDtypes('wasm', { webgpu: true, shaderF16: true })).not.toContain('fp16');
  });
});
