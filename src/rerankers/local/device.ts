/** Main-thread device checks for the local reranker. */
import type { ModelDtype } from '../catalog';
import type { LocalDevice } from './protocol';

export interface DeviceSupport {
  webgpu: boolean;
  /** The adapter can run fp16 shaders: only then is fp16 offered on WebGPU. */
  shaderF16: boolean;
}

/** The bit of the WebGPU API we need, so the app does not depend on @webgpu/types. */
interface GpuLike {
  requestAdapter(): Promise<{ features: { has(name: string): boolean } } | null>;
}

/**
 * WebGPU counts only when an adapter is really granted: `'gpu' in navigator` can be true with none
 * (blocklisted GPU, headless browser, no drivers).
 */
export async function detectDevices(nav: Navigator = navigator): Promise<DeviceSupport> {
  const gpu = (nav as Navigator & { gpu?: GpuLike }).gpu;
  try {
    const adapter = await gpu?.requestAdapter();
    if (!adapter) return { webgpu: false, shaderF16: false };
    return { webgpu: true, shaderF16: adapter.features.has('shader-f16') };
  } catch {
    return { webgpu: false, shaderF16: false };
  }
}

/** q8 on WASM (smallest, fastest on CPU); fp32 on WebGPU (quantized kernels are slow or missing there). */
export function defaultDtype(device: LocalDevice): ModelDtype {
  return device === 'webgpu' ? 'fp32' : 'q8';
}

export function allowedDtypes(device: LocalDevice, support: DeviceSupport): ModelDtype[] {
  if (device === 'wasm') return ['q8', 'fp32'];
  return support.shaderF16 ? ['fp32', 'fp16', 'q8'] : ['fp32', 'q8'];
}
