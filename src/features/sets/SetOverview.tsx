import { AggregatePanel } from './AggregatePanel';
import { DeltaChart } from './DeltaChart';
import { QueryList } from './QueryList';
import { SignificanceTable } from './SignificanceTable';

/** The set as a whole: means and tests, the per-query difference chart, and the list of queries. */
export function SetOverview() {
  return (
    <div className="space-y-5">
      <AggregatePanel />
      <SignificanceTable />
      <DeltaChart />
      <QueryList />
    </div>
  );
}
