import { useAppStore } from '../../store';
import { FirstStageColumn } from '../firstStage/FirstStageColumn';
import { RerankedColumn } from './RerankedColumn';

/** The first stage and every reranked column, side by side. */
export function Comparison() {
  const columns = useAppStore((s) => s.columns);
  return (
    <div className="overflow-x-auto">
      <div className="grid gap-6" style={{ gridTemplateColumns: `repeat(${columns.length + 1}, minmax(18rem, 1fr))` }}>
        <FirstStageColumn />
        {columns.map((column) => (
          <RerankedColumn key={column.id} column={column} removable={columns.length > 1} />
        ))}
      </div>
    </div>
  );
}
