import { useAppStore } from '../../store';
import { selectJudgments } from '../../store/selectors';

export const gradeLabels = ['0 not relevant', '1 somewhat relevant', '2 relevant', '3 highly relevant'] as const;

const gradeClass = ['bg-slate-100 text-slate-600', 'bg-amber-100 text-amber-900', 'bg-lime-100 text-lime-900', 'bg-emerald-200 text-emerald-900'];

/**
 * A document's graded relevance. A native select: it works from the keyboard (arrows, type-ahead) and with
 * screen readers without extra code, and its name carries the document id.
 */
export function JudgmentControl({ docId }: { docId: string }) {
  const grade = useAppStore((s) => selectJudgments(s).get(docId));
  const setJudgment = useAppStore((s) => s.setJudgment);
  return (
    <select
      aria-label={`Relevance of ${docId}`}
      data-testid="judgment"
      value={grade === undefined ? '' : String(grade)}
      onChange={(e) => setJudgment(docId, e.target.value === '' ? null : Number(e.target.value))}
      className={`rounded border border-slate-300 px-1 py-0 text-xs ${grade === undefined ? 'bg-white text-slate-500' : gradeClass[grade] ?? ''}`}
    >
      <option value="">unjudged</option>
      {gradeLabels.map((label, g) => (
        <option key={g} value={g}>
          {label}
        </option>
      ))}
    </select>
  );
}
