import { downloadSeconds, formatDuration, wasmSecondsPerDocument } from '../../core/llmCostEstimate';
import type { CatalogModel, ModelDtype } from '../../rerankers/catalog';
import type { LocalDevice } from '../../rerankers/local/protocol';

/** A prompt of about 300 tokens: the template and default instruction (~70), a short query and a ~200-word document. */
const TOKENS_PER_PROMPT = 300;
const SLOW_MBIT = 10;
const FAST_MBIT = 50;

function sizeText(sizeMB: number): string {
  return sizeMB >= 1000 ? `${(sizeMB / 1000).toFixed(1)} GB` : `${sizeMB < 1 ? '<1' : Math.round(sizeMB)} MB`;
}

interface Props {
  model: CatalogModel;
  device: LocalDevice;
  dtype: ModelDtype;
  webgpuAvailable: boolean;
  topN: number;
}

/**
 * For an LLM reranker, before anything is downloaded: the download's size and time, a rough time to score
 * the top N on WASM (how: core/llmCostEstimate.ts), and the advice to use WebGPU.
 */
export function LlmCostNotice({ model, device, dtype, webgpuAvailable, topN }: Props) {
  const sizeMB = model.approxSizeMB[dtype];
  const perDocument = model.computeParametersM === undefined ? undefined : wasmSecondsPerDocument({ computeParametersM: model.computeParametersM, tokensPerDocument: TOKENS_PER_PROMPT });
  return (
    <div data-testid="llm-cost" className="space-y-1 rounded border border-amber-300 bg-amber-50 p-2 text-amber-950">
      <p className="font-medium">LLM reranker: scored by P(yes), a probability from 0 to 1.</p>
      <p>
        {sizeMB === undefined
          ? `No ${dtype} build of this model: choose Precision ${Object.keys(model.approxSizeMB).join(' or ')}.`
          : `Download: about ${sizeText(sizeMB)} (${dtype}), once; the browser keeps it. That is about ${formatDuration(downloadSeconds(sizeMB, FAST_MBIT))} at ${FAST_MBIT} Mbit/s, ${formatDuration(downloadSeconds(sizeMB, SLOW_MBIT))} at ${SLOW_MBIT} Mbit/s.`}
      </p>
      {perDocument !== undefined && (
        <p>
          Scoring on WASM (CPU): about {formatDuration(perDocument)} per document, so about {formatDuration(perDocument * topN)} for the top {topN}. Estimated
          as 2 FLOPs per weight per token for a ~{TOKENS_PER_PROMPT}-token prompt, at the speed this app measured for MiniLM on 2 cores; longer
          documents and fewer cores take longer.
        </p>
      )}
      <p className="font-medium">
        {device === 'webgpu'
          ? 'Running on WebGPU: recommended for this model.'
          : webgpuAvailable
            ? 'WebGPU is recommended: choose Device → WebGPU (several times faster on most GPUs; not measured here).'
            : 'WebGPU is recommended, but this browser offers no WebGPU adapter: expect the WASM time above.'}
      </p>
    </div>
  );
}
