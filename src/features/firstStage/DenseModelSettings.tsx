import { useId } from 'react';
import { NumberField } from '../../components/NumberField';
import { DENSE_CATALOG, DENSE_TEST_MODELS, findDenseModel } from '../../rerankers/denseCatalog';
import { validateModelId } from '../../rerankers/modelId';
import { useAppStore } from '../../store';
import { resolveDenseMemo } from '../../store/denseSelectors';

const fieldClass = 'rounded border border-slate-300 bg-white px-1.5 py-1 text-xs';
const maxLengthBounds = { min: 8, max: 8192, integer: true, label: 'Embedding max length' };
const batchBounds = { min: 1, max: 256, integer: true, label: 'Embedding batch' };

/**
 * The bi-encoder of the dense first stage. Pooling and prefixes follow the catalog for a known model (or
 * mean pooling, no prefixes, for any other id) until the user overrides them here.
 */
export function DenseModelSettings() {
  const dense = useAppStore((s) => s.dense);
  const setDense = useAppStore((s) => s.setDense);
  const listId = useId();
  const idMessageId = useId();
  const { prefixes } = resolveDenseMemo(dense);
  const info = findDenseModel(dense.model);
  const idCheck = validateModelId(dense.model);
  return (
    <fieldset className="rounded-md border border-slate-200 p-2 text-xs text-slate-700">
      <legend className="px-1 font-medium text-slate-600">Dense retriever (bi-encoder)</legend>
      <label className="block">
        <span className="font-medium">Embedding model</span>
        <input
          list={listId}
          value={dense.model}
          onChange={(e) => setDense({ model: e.target.value })}
          spellCheck={false}
          aria-invalid={!idCheck.ok}
          aria-describedby={idCheck.ok ? undefined : idMessageId}
          className={`mt-0.5 w-full rounded border px-2 py-1 font-mono text-xs ${idCheck.ok ? 'border-slate-300' : 'border-red-500'}`}
        />
      </label>
      {!idCheck.ok && (
        <p id={idMessageId} className="text-red-700">
          {idCheck.message}
        </p>
      )}
      <datalist id={listId}>
        {[...DENSE_CATALOG, ...DENSE_TEST_MODELS].map((m) => (
          <option key={m.id} value={m.id}>
            {m.label}
          </option>
        ))}
      </datalist>
      <p data-testid="dense-model-info" className="mt-1 text-slate-500">
        {info ? `${info.note} ${info.languages}, ${info.licence}.` : 'Not in the catalog: mean pooling and no prefixes unless you set them below.'}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1.5">
        <label className="flex items-center gap-1">
          Embedding device
          <select className={fieldClass} value={dense.device} onChange={(e) => setDense({ device: e.target.value === 'webgpu' ? 'webgpu' : 'wasm' })}>
            <option value="wasm">WASM</option>
            <option value="webgpu">WebGPU</option>
          </select>
        </label>
        <label className="flex items-center gap-1">
          Embedding precision
          <select className={fieldClass} value={dense.dtype} onChange={(e) => setDense({ dtype: e.target.value === 'fp32' ? 'fp32' : e.target.value === 'fp16' ? 'fp16' : 'q8' })}>
            <option value="q8">q8</option>
            <option value="fp16">fp16</option>
            <option value="fp32">fp32</option>
          </select>
        </label>
        <label className="flex items-center gap-1">
          Pooling
          <select
            className={fieldClass}
            value={dense.pooling ?? 'model'}
            onChange={(e) => setDense({ pooling: e.target.value === 'mean' ? 'mean' : e.target.value === 'cls' ? 'cls' : null })}
          >
            <option value="model">the model’s ({prefixes.pooling === 'cls' ? 'CLS' : 'mean'})</option>
            <option value="mean">mean</option>
            <option value="cls">CLS</option>
          </select>
        </label>
        <NumberField label="Embedding max length" bounds={maxLengthBounds} value={dense.maxLength} onCommit={(maxLength) => setDense({ maxLength })} />
        <NumberField label="Embedding batch" bounds={batchBounds} value={dense.batchSize} onCommit={(batchSize) => setDense({ batchSize })} />
      </div>
      <div className="mt-2 grid grid-cols-1 gap-1.5 sm:grid-cols-2">
        <PrefixField label="Query prefix" value={dense.queryPrefix} inForce={prefixes.queryPrefix} onChange={(queryPrefix) => setDense({ queryPrefix })} />
        <PrefixField label="Document prefix" value={dense.documentPrefix} inForce={prefixes.documentPrefix} onChange={(documentPrefix) => setDense({ documentPrefix })} />
      </div>
    </fieldset>
  );
}

/** A prefix: the model's own (shown, not editable) or the user's; "Use the model's" goes back. */
function PrefixField({ label, value, inForce, onChange }: { label: string; value: string | null; inForce: string; onChange: (v: string | null) => void }) {
  return (
    <div>
      <label className="block">
        <span>{label}</span>
        <input
          value={value ?? inForce}
          onChange={(e) => onChange(e.target.value)}
          spellCheck={false}
          placeholder="(none)"
          className={`mt-0.5 w-full ${fieldClass} font-mono`}
        />
      </label>
      <p className="text-slate-500">
        {value === null ? (
          'The model’s own.'
        ) : (
          <button type="button" className="text-indigo-700 underline" onClick={() => onChange(null)}>
            Use the model’s prefix
          </button>
        )}
      </p>
    </div>
  );
}
