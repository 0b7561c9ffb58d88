import {
  COHERE_PROXY_BASE_URL,
  CONCURRENCY_BOUNDS,
  concurrencyOf,
  type CohereSettings,
  isValidConcurrency,
} from '../../rerankers/cohere/settings';
import type { RerankError } from '../../rerankers/types';
import { useAppStore } from '../../store';
import type { CohereColumnConfig } from '../../store/columns';
import { CohereKeyField } from './CohereKeyField';
import { CohereModelField } from './CohereModelField';
import { NumberSetting } from './NumberSetting';
import { ProxyOffer } from './ProxyOffer';
import { baseUrlProblem, endpointOf, shouldOfferProxy, usesProxy, withProvider, withProxy } from './providerSettings';

const fieldClass = 'rounded border border-slate-300 bg-white px-1.5 py-1 text-xs';
const isWholeAboveZero = (n: number) => Number.isInteger(n) && n >= 1;
const isTimeoutSeconds = (n: number) => Number.isFinite(n) && n >= 0.1 && n <= 600;

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
        <NumberSetting
          label="Max tokens per document"
          value={settings.maxTokensPerDoc}
          isValid={isWholeAboveZero}
          onCommit={(maxTokensPerDoc) => update({ ...settings, maxTokensPerDoc })}
          className="w-16"
        />
        <NumberSetting
          label="Timeout (s)"
          value={settings.timeoutMs / 1000}
          step="any"
          isValid={isTimeoutSeconds}
          onCommit={(s) => update({ ...settings, timeoutMs: Math.round(s * 1000) })}
          className="w-14"
        />
        <NumberSetting
          label="Concurrent calls"
          value={concurrencyOf(settings)}
          isValid={isValidConcurrency}
          min={CONCURRENCY_BOUNDS.min}
          max={CONCURRENCY_BOUNDS.max}
          onCommit={(concurrency) => update({ ...settings, concurrency })}
          hint={`${CONCURRENCY_BOUNDS.min} to ${CONCURRENCY_BOUNDS.max}, when reranking a whole query set`}
          className="w-12"
        />
      </div>
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
