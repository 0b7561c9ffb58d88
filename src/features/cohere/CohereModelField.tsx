import { cohereModels, type CohereSettings } from '../../rerankers/cohere/settings';

const fieldClass = 'mt-0.5 w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs';

/** Cohere's models to pick from, with what each is for; a custom server takes whatever name it serves. */
export function CohereModelField({ settings, onChange }: { settings: CohereSettings; onChange: (next: CohereSettings) => void }) {
  if (settings.provider === 'custom') {
    return (
      <div>
        <label className="block">
          <span className="font-medium">Rerank model</span>
          <input
            value={settings.model}
            onChange={(e) => onChange({ ...settings, model: e.target.value })}
            placeholder="BAAI/bge-reranker-v2-m3"
            spellCheck={false}
            className={fieldClass}
          />
        </label>
        <p className="mt-0.5 text-slate-500">The model name your server expects; some servers ignore it.</p>
      </div>
    );
  }
  const known = cohereModels.find((m) => m.id === settings.model);
  return (
    <div>
      <label className="block">
        <span className="font-medium">Rerank model</span>
        <select value={settings.model} onChange={(e) => onChange({ ...settings, model: e.target.value })} className={fieldClass}>
        {/* A model saved earlier that the list no longer names stays choosable rather than silently replaced. */}
        {!known && <option value={settings.model}>{settings.model}</option>}
        {cohereModels.map((m) => (
          <option key={m.id} value={m.id}>
            {m.id}
          </option>
        ))}
        </select>
      </label>
      {/* Outside the label, so the note does not become part of the field's name. */}
      <p data-testid="cohere-model-note" className="mt-0.5 text-slate-500">
        {known?.note ?? 'Not in the list of Cohere models this app knows; Cohere will say if it does not exist.'}
      </p>
    </div>
  );
}
