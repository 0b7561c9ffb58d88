import { NumberField } from '../../components/NumberField';
import type { NumberBounds } from '../../core/numberInput';
import { useAppStore } from '../../store';

/** 1 to 1,000: the range the store (setCorpusTopK) and the saved-state schema keep it in. */
export const corpusTopKBounds: NumberBounds = { min: 1, max: 1000, integer: true, label: 'Documents kept per query' };

/** K for BM25 over a corpus when no run is given: kept as typed while editing, checked when it is committed. */
export function CorpusTopKField() {
  const k = useAppStore((s) => s.corpusTopK);
  const setK = useAppStore((s) => s.setCorpusTopK);
  return (
    <div className="mt-2">
      <NumberField
        label="Without a run, BM25 over the corpus keeps the top documents per query"
        bounds={corpusTopKBounds}
        value={k}
        onCommit={setK}
        inputClassName="w-20 px-1.5 py-0.5 text-xs"
      />
    </div>
  );
}
