import { NumberField } from '../../components/NumberField';
import type { NumberBounds } from '../../core/numberInput';
import { MAX_TOKENS_PER_DOC_BOUNDS } from '../../rerankers/cohere/client';
import { COHERE_PROXY_BASE_URL, CONCURRENCY_BOUNDS, concurrencyOf, type CohereSettings } from '../../rerankers/cohere/settings';
import type { RerankError } from '../../rerankers/types';
import { useAppStore } from '../../store';
import type { CohereColumnConfig } from '../../store/columns';
import { CohereKeyField } from './CohereKeyField';
import { CohereModelField } from './CohereModelField';
import { ProxyOffer } from './ProxyOffer';
import { baseUrlProblem, endpointOf, shouldOfferProxy, usesProxy, withProvider, withProxy } from './providerSettings';

const fieldClass = 'rounded border border-slate-300 bg-white px-1.5 py-1 text-xs';
/** Bounds and message names of the three number fields; the client refuses the same out-of-range values. */
export const maxTokensBounds: NumberBounds = { ...MAX_TOKENS_PER_DOC_BOUNDS, integer: true, label: 'Max tokens per document' };
/** 0.1 s is the shortest wait a server can answer in; 600 s (10 minutes) is past any rerank call worth waiting for. */
export const timeoutBounds: NumberBounds = { min: 0.1, max: 600, integer: false, label: 'Timeout in seconds' };
export const concurrencyBounds: NumberBounds = { ...CONCURRENCY_BOUNDS, integer: true, label: 'Concurrent calls' };

interface CohereSettingsPanelProps {
  columnId: string;
  config: CohereColumnConfig;
  /** The column's last error: after a blocked call, the panel offers the proxy. */
  error: RerankError | null;
}

/** Provider, address, model, limits and key of one Cohere (or Cohere-compatible) column. */
export function CohereSettingsPanel({ columnId, config, error }: CohereSettingsPanelProps) {
  const updateColumn = useAppStore((s) => s.updateColumn);
  const rerank = useAppStore((s) => s.rerank);
  const { settings } = config;
  const update = (next: CohereSettings) => updateColumn(columnId, { ...config, settings: next });
  const custom = settings.provider === 'custom';
  const problem = baseUrlProblem(settings);
  const endpoint = endpointOf(settings);
  const problemId = `cohere-base-url-problem-${columnId}`;
  return (
    <div role="group" aria-label="Rerank API settings" className="space-y-2 text-xs text-slate-700">
      <label className="flex items-center gap-1">
        <span className="font-medium">Provider</span>
        <select className={fieldClass} value={settings.provider} onChange={(e) => update(withProvider(settings, e.target.value as CohereSettings['provider']))}>
          <option value="cohere">Cohere (api.cohere.com)</option>
          <option value="custom">Custom Cohere-compatible server</option>
        </select>
      </label>
      {custom ? (
        <div>
          <label className="block">
            <span className="font-medium">Base URL</span>
            <input
              value={settings.baseUrl}
              onChange={(e) => update({ ...settings, baseUrl: e.target.value })}
              placeholder="http://localhost:8000"
              spellCheck={false}
              aria-invalid={problem !== null}
              aria-describedby={problemId}
              className="mt-0.5 w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs"
            />
          </label>
          <p className="mt-0.5 text-slate-500">vLLM serves /v2/rerank as it is; Infinity does when started with --url-prefix /v2. Text Embeddings Inference's /rerank has another shape.</p>
        </div>
      ) : (
        <div>
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={usesProxy(settings)} onChange={(e) => update(withProxy(settings, e.target.checked))} />
            Use the dev server’s proxy ({COHERE_PROXY_BASE_URL})
          </label>
          <p className="mt-0.5 text-slate-500">Works when the app runs from <code>npm run dev</code> or <code>npm start</code>; use it if the browser blocks direct calls (CORS).</p>
        </div>
      )}
      {problem ? (
        <p id={problemId} className={settings.baseUrl.trim() === '' ? 'text-slate-600' : 'text-red-700'}>
          {problem}
        </p>
      ) : (
        <p id={problemId} data-testid="cohere-endpoint" className="break-all text-slate-500">
          Calls go to <span className="font-mono">POST {endpoint}</span>
        </p>
      )}
      <CohereModelField settings={settings} onChange={update} />
      <div className="flex flex-wrap gap-3">
        <NumberField
          label="Max tokens per document"
          bounds={maxTokensBounds}
          value={settings.maxTokensPerDoc}
          onCommit={(maxTokensPerDoc) => update({ ...settings, maxTokensPerDoc })}
        />
        <NumberField
          label="Timeout (s)"
          bounds={timeoutBounds}
          value={settings.timeoutMs / 1000}
          onCommit={(s) => update({ ...settings, timeoutMs: Math.round(s * 1000) })}
          inputClassName="w-14 px-1.5 py-1 text-xs"
        />
        <NumberField
          label="Concurrent calls"
          bounds={concurrencyBounds}
          value={concurrencyOf(settings)}
          onCommit={(concurrency) => update({ ...settings, concurrency })}
          inputClassName="w-12 px-1.5 py-1 text-xs"
        />
      </div>
      <p className="text-slate-500">Concurrent calls apply when a whole query set is reranked.</p>
      <CohereKeyField columnId={columnId} baseUrl={settings.baseUrl} optional={custom} />
      <p className="text-slate-500">Scores are the API’s relevance_score, shown as given (0 to 1); the sigmoid and min-max display options do not apply.</p>
      {shouldOfferProxy(settings, error) && (
        <ProxyOffer
          onAccept={() => {
            update(withProxy(settings, true));
            void rerank();
          }}
        />
      )}
    </div>
  );
}
