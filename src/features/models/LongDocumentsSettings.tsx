import { useId } from 'react';
import { NumberField } from '../../components/NumberField';
import { defaultLongDocuments, defaultSplit, maxStrideFor, type LongDocumentsSetting, type WindowAggregate } from '../../core/windows';
import type { LocalColumnConfig } from '../../store/columns';

const fieldClass = 'rounded border border-slate-300 bg-white px-1.5 py-1 text-xs';

const aggregateOptions: { value: WindowAggregate; label: string }[] = [
  { value: 'max', label: 'MaxP: best window' },
  { value: 'first', label: 'FirstP: first window' },
  { value: 'mean', label: 'Mean of windows' },
];

/** Truncate or split documents longer than max tokens; in split mode, the overlap and how windows combine. */
export function LongDocumentsSettings({ config, onChange }: { config: LocalColumnConfig; onChange: (setting: LongDocumentsSetting) => void }) {
  const setting = config.longDocuments ?? defaultLongDocuments;
  const hintId = useId();
  const modeId = useId();
  const aggregateId = useId();
  const strideMax = maxStrideFor(config.maxLength);
  const splitDefault = (): LongDocumentsSetting => (defaultSplit.mode === 'split' ? { ...defaultSplit, stride: Math.min(defaultSplit.stride, strideMax) } : defaultSplit);
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-start gap-3">
        {/* The select sits outside its label: option texts inside a label would become part of its name. */}
        <div className="flex items-center gap-1">
          <label htmlFor={modeId}>Long documents</label>
          <select
            id={modeId}
            className={fieldClass}
            value={setting.mode}
            aria-describedby={hintId}
            onChange={(e) => onChange(e.target.value === 'split' ? splitDefault() : defaultLongDocuments)}
          >
            <option value="truncate">Truncate (read the start only)</option>
            <option value="split">Split into windows</option>
          </select>
        </div>
        {setting.mode === 'split' && (
          <>
            <NumberField
              label="Stride (overlap)"
              bounds={{ min: 0, max: strideMax, integer: true, label: 'Stride (overlap)' }}
              value={setting.stride}
              onCommit={(stride) => onChange({ ...setting, stride })}
            />
            <div className="flex items-center gap-1">
              <label htmlFor={aggregateId}>Score by</label>
              <select id={aggregateId} className={fieldClass} value={setting.aggregate} onChange={(e) => onChange({ ...setting, aggregate: e.target.value as WindowAggregate })}>
                {aggregateOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
      </div>
      <p id={hintId} className="text-slate-500">
        {setting.mode === 'split'
          ? `Each window holds the query and up to ${config.maxLength} tokens in all; neighbouring windows share ${setting.stride} tokens. Every window is scored, so a long document costs one pass per window.`
          : `Tokens past ${config.maxLength} (query and document together) are never read.`}
      </p>
    </div>
  );
}
