import { defaultCohereSettings } from '../../rerankers/cohere/settings';
import { useAppStore } from '../../store';
import { defaultLocalConfig, type ColumnConfig } from '../../store/columns';

/** More rankers side by side: another local model, the same one at another precision, BM25, or a rerank API. */
export function AddColumnMenu() {
  const columns = useAppStore((s) => s.columns);
  const addColumn = useAppStore((s) => s.addColumn);
  const lastLocal = [...columns].reverse().find((c) => c.config.kind === 'local')?.config;
  const options: { label: string; config: ColumnConfig }[] = [
    { label: 'Local model', config: defaultLocalConfig },
    ...(lastLocal?.kind === 'local'
      ? [{ label: 'Same model, other precision', config: { ...lastLocal, dtype: lastLocal.dtype === 'fp32' ? 'q8' : 'fp32' } as ColumnConfig }]
      : []),
    { label: 'BM25 over the top N', config: { kind: 'bm25' } },
    { label: 'Cohere or compatible API', config: { kind: 'cohere', settings: defaultCohereSettings } },
  ];
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
      <span className="font-medium">Add a column:</span>
      {options.map((o) => (
        <button
          key={o.label}
          type="button"
          onClick={() => addColumn(o.config)}
          className="rounded-full border border-slate-300 bg-white px-2.5 py-1 text-slate-700 hover:border-indigo-400 hover:text-indigo-700"
        >
          + {o.label}
        </button>
      ))}
    </div>
  );
}
