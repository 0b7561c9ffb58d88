/** Turns what transformers.js and onnxruntime-web throw into messages a person can act on. */
import { validateModelId } from '../modelId';
import type { WorkerErrorKind } from './protocol';

export interface ClassifiedError {
  kind: WorkerErrorKind;
  message: string;
  cause: string;
}

export function describeCause(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === 'number') return `onnxruntime error code ${error}`; // ORT WASM can throw a bare pointer
  return String(error);
}

/**
 * Refuses a model id that is not `owner/name` before anything is fetched (it would become a path outside
 * `/models/`); null when the id is fine. The client and the worker both ask, as a defence in depth.
 */
export function modelIdError(modelId: string): ClassifiedError | null {
  const check = validateModelId(modelId);
  return check.ok ? null : { kind: 'invalid-request', message: check.message, cause: `model id ${JSON.stringify(modelId)} is not owner/name` };
}

/** Classifies a failure while loading `modelId` (config, tokenizer or weights). */
export function classifyLoadError(modelId: string, error: unknown): ClassifiedError {
  const cause = describeCause(error);
  if (/could not locate file|404|not found|unauthorized access/i.test(cause)) {
    return {
      kind: 'model-not-found',
      message: `Model "${modelId}" was found neither in this app's models folder nor on the Hugging Face Hub. Check the model id, or add the model's files under public/models/${modelId}/.`,
      cause,
    };
  }
  if (/failed to fetch|networkerror|network error|load failed|err_internet|fetch failed/i.test(cause)) {
    return {
      kind: 'network',
      message:
        `Model "${modelId}" is not in this app's models folder, and the Hugging Face Hub could not be reached (no network?). ` +
        'Ways out: connect to the internet and press Rerank again; or self-host the model (`npm run fetch-model -- ' +
        `${modelId}` +
        '` on a machine with internet, then rebuild, so it loads from this app\'s /models/ folder); or open a session file with the scores in it (Share → Open session file…), which needs no model at all.',
      cause,
    };
  }
  if (/protobuf|parsing failed|can't create a session|invalid model|onnx|unexpected token '<'|is not valid json/i.test(cause)) {
    return {
      kind: 'model-corrupt',
      message: `Model "${modelId}" was downloaded but is not a valid model file (perhaps a web page was served instead). Delete the file and download it again, or check the server's models folder.`,
      cause,
    };
  }
  return { kind: 'load-failed', message: `Model "${modelId}" could not be loaded. Try another device or dtype, or reload the page.`, cause };
}

export function classifyInferenceError(error: unknown): ClassifiedError {
  return {
    kind: 'inference-failed',
    message: 'The model failed while scoring the documents. Try fewer or shorter documents, a smaller batch size, or the WASM device.',
    cause: describeCause(error),
  };
}
