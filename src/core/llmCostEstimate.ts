/**
 * What a local model costs before it is downloaded: the download time at a given bandwidth, and a rough
 * time per document on WASM, scaled from a speed measured in this app.
 *
 * How the WASM figure is made: a transformer's forward pass costs about 2 FLOPs per weight per token
 * (one multiply, one add), so a document of T tokens through N weights (the embedding table excluded: it is
 * looked up, not multiplied) costs about 2·N·T. The app's bench measured MiniLM-L6 (q8) at 15.0 pairs/s in the
 * worker on 2 cores, with pairs of about 200 tokens: MiniLM-L6 has about 10.6M weights outside its embeddings
 * (22.7M in all, 11.7M of them the 30,522 × 384 table), so 2 · 10.6M · 200 · 15.0 ≈ 64 GFLOP/s. Attention's
 * own cost (it grows with T²) is left out, so long documents take longer than this says.
 * WebGPU is not estimated: no GPU was at hand to measure it.
 */

/** Effective WASM speed of the app's worker, q8, 2 cores (see above). */
export const WASM_FLOPS_MEASURED = 2 * 10.6e6 * 200 * 15.0;

export interface DocumentCostInput {
  /** Weights outside the embedding table, in millions. */
  computeParametersM: number;
  /** Tokens per prompt (template, query and document). */
  tokensPerDocument: number;
}

/** Seconds per document on WASM (2 cores, q8) by the 2·N·T rule; more cores run faster. */
export function wasmSecondsPerDocument({ computeParametersM, tokensPerDocument }: DocumentCostInput): number {
  return (2 * computeParametersM * 1e6 * tokensPerDocument) / WASM_FLOPS_MEASURED;
}

/** Seconds to download sizeMB (decimal megabytes) at mbitPerSecond. */
export function downloadSeconds(sizeMB: number, mbitPerSecond: number): number {
  return (sizeMB * 8) / mbitPerSecond;
}

/** "under 1 s", "40 s", "3 min", "1.5 h": a duration for a person, rounded as an estimate should be. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return 'unknown';
  if (seconds < 1) return 'under 1 s';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  const minutes = seconds / 60;
  if (minutes < 90) return `${Math.round(minutes)} min`;
  return `${Math.round((minutes / 60) * 10) / 10} h`;
}
