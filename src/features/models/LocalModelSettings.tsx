import { useId, useState } from 'react';
import { NumberField } from '../../components/NumberField';
import type { NumberBounds } from '../../core/numberInput';
import { findCatalogModel, maxTokensFor, MIN_MAX_TOKENS, rerankerKind, RUNNABLE_CATALOG, type ModelDtype } from '../../rerankers/catalog';
import { allowedDtypes } from '../../rerankers/local/device';
import { validateModelId } from '../../rerankers/modelId';
import { useAppStore } from '../../store';
import type { LocalColumnConfig } from '../../store/columns';
import { resolveLocalSettings } from '../../store/rerankerRegistry';
import { LlmCostNotice } from './LlmCostNotice';
import { LongDocumentsSettings } from './LongDocumentsSettings';

const fieldClass = 'rounded border border-slate-300 bg-white px-1.5 py-1 text-xs';
const noSupport = { webgpu: false, shaderF16: false };
const batchBounds: NumberBounds = { min: 1, max: 256, integer: true, label: 'Batch' };

/** The model, device and precision of one local column, with what the catalog knows about the model. */
export function LocalModelSettings({ columnId, config }: { columnId: string; config: LocalColumnConfig }) {
  const updateColumn = useAppStore((s) => s.updateColumn);
  const support = useAppStore((s) => s.deviceSupport);
  // The id is checked as the user types, but only after the first blur: a half-typed id is not yet an error.
  const [modelTouched, setModelTouched] = useState(false);
  const modelMessageId = useId();
  const update = (patch: Partial<LocalColumnConfig>) => updateColumn(columnId, { ...config, ...patch });
  const resolved = resolveLocalSettings(config, support ?? noSupport);
  const info = findCatalogModel(config.model.trim());
  const listId = `models-${columnId}`;
  const size = info?.approxSizeMB[resolved.dtype];
  const topN = useAppStore((s) => s.topN);
  const modelCheck = validateModelId(config.model);
  const modelMessage = modelTouched && !modelCheck.ok ? modelCheck.message : null;
  return (
    <div className="space-y-2 text-xs text-slate-700">
      <label className="block">
        <span className="font-medium">Model</span>
        <input
          list={listId}
          value={config.model}
          onChange={(e) => update({ model: e.target.value })}
          onBlur={() => setModelTouched(true)}
          spellCheck={false}
          aria-invalid={modelMessage !== null}
          aria-describedby={modelMessage === null ? undefined : modelMessageId}
          className={`mt-0.5 w-full rounded border px-2 py-1 font-mono text-xs ${modelMessage === null ? 'border-slate-300' : 'border-red-500'}`}
        />
      </label>
      {/* Outside the label, like the list below, so it describes the field without renaming it. */}
      {modelMessage !== null && (
        <p id={modelMessageId} className="text-red-700">
          {modelMessage}
        </p>
      )}
      {/* Outside the label: option texts inside it would become part of the field's accessible name. */}
      <datalist id={listId}>
          {RUNNABLE_CATALOG.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </datalist>
      <p data-testid="model-info" className="text-slate-500">
        {info
          ? `${info.languages} · ${info.licence} · ${size ? `about ${size} MB as ${resolved.dtype}` : `no ${resolved.dtype} build`} · ${info.note}`
          : 'Any Hugging Face model id with ONNX weights (a cross-encoder with one output, or a causal LM read as a yes/no reranker). Looked for under this site’s models/ folder first, then on the Hub.'}
      </p>
      {info && rerankerKind(info) === 'causal-lm' && (
        <LlmCostNotice model={info} device={resolved.device} dtype={resolved.dtype} webgpuAvailable={support?.webgpu ?? false} topN={topN} />
      )}
      <div className="flex flex-wrap gap-3">
        <label className="flex items-center gap-1">
          Device
          <select className={fieldClass} value={config.device} onChange={(e) => update({ device: e.target.value as LocalColumnConfig['device'] })}>
            <option value="auto">Auto ({support?.webgpu ? 'WebGPU' : 'WASM'})</option>
            <option value="wasm">WASM (CPU)</option>
            <option value="webgpu" disabled={support !== null && !support.webgpu}>
              WebGPU{support !== null && !support.webgpu ? ' (not available)' : ''}
            </option>
          </select>
        </label>
        <label className="flex items-center gap-1">
          Precision
          <select className={fieldClass} value={config.dtype} onChange={(e) => update({ dtype: e.target.value as LocalColumnConfig['dtype'] })}>
            <option value="auto">Auto ({resolved.dtype})</option>
            {(['fp32', 'fp16', 'q8'] as ModelDtype[]).map((dtype) => (
              <option key={dtype} value={dtype} disabled={!allowedDtypes(resolved.device, support ?? noSupport).includes(dtype)}>
                {dtype}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label="Max tokens"
          bounds={{ min: MIN_MAX_TOKENS, max: maxTokensFor(config.model), integer: true, label: 'Max tokens' }}
          value={config.maxLength}
          onCommit={(maxLength) => update({ maxLength })}
        />
        <NumberField label="Batch" bounds={batchBounds} value={config.batchSize} onCommit={(batchSize) => update({ batchSize })} inputClassName="w-14 px-1.5 py-1 text-xs" />
      </div>
      <LongDocumentsSettings config={config} onChange={(longDocuments) => update({ longDocuments })} />
    </div>
  );
}
