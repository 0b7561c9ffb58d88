import { Notice } from '../components/Notice';
import { Panel } from '../components/Panel';
import { FirstStageSettings } from '../features/firstStage/FirstStageSettings';
import { DocumentsInput } from '../features/input/DocumentsInput';
import { ParseStatus } from '../features/input/ParseStatus';
import { PresetPicker } from '../features/input/PresetPicker';
import { QueryInput } from '../features/input/QueryInput';
import { ChangeSummary } from '../features/metrics/ChangeSummary';
import { MetricsPanel } from '../features/metrics/MetricsPanel';
import { ExportMenu } from '../features/export/ExportMenu';
import { AddColumnMenu } from '../features/rankings/AddColumnMenu';
import { Comparison } from '../features/rankings/Comparison';
import { RerankBar } from '../features/rerank/RerankBar';
import { QueryNavigator } from '../features/sets/QueryNavigator';
import { SetImport } from '../features/sets/SetImport';
import { SetNoticeView, SetPanel } from '../features/sets/SetPanel';
import { SetOverview } from '../features/sets/SetOverview';
import { PresenterToggle } from '../features/present/PresenterToggle';
import { PresenterView } from '../features/present/PresenterView';
import { ShareMenu } from '../features/share/ShareMenu';
import { OfflineIndicator } from '../features/offline/OfflineIndicator';
import { useAppStore } from '../store';
import { useDeviceDetection } from './useDeviceDetection';

export function App() {
  const persistWarning = useAppStore((s) => s.persistWarning);
  const restoreWarning = useAppStore((s) => s.restoreWarning);
  const hasSet = useAppStore((s) => s.querySet !== null);
  const presenting = useAppStore((s) => s.presenting);
  useDeviceDetection();
  if (presenting) return <PresenterView />;
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-screen-2xl flex-wrap items-baseline justify-between gap-2 px-4 py-3">
          <h1 className="text-xl font-semibold text-slate-900">Rerank Playground</h1>
          <p className="text-sm text-slate-600">A first stage finds candidates; a cross-encoder reorders them. See what changes.</p>
          <div className="flex items-center gap-2">
            <OfflineIndicator />
            <PresenterToggle />
            <ShareMenu />
          </div>
        </div>
      </header>
      <main className="mx-auto grid max-w-screen-2xl items-start gap-4 p-4 lg:grid-cols-[minmax(22rem,28rem)_minmax(0,1fr)]">
        <div className={`min-w-0 space-y-4 ${hasSet ? 'lg:row-span-3' : 'lg:row-span-2'}`}>
          {restoreWarning && <Notice tone="warning">{restoreWarning}</Notice>}
          <SetNoticeView />
          {hasSet ? (
            <Panel title="Query set">
              <SetPanel />
            </Panel>
          ) : (
            <>
              <Panel title="Input">
                <div className="space-y-3">
                  <PresetPicker />
                  <QueryInput />
                  <DocumentsInput />
                  <ParseStatus />
                  {persistWarning && <Notice tone="warning">{persistWarning}</Notice>}
                </div>
              </Panel>
              <Panel title="Query sets">
                <SetImport />
              </Panel>
            </>
          )}
          <Panel title="First stage">
            <FirstStageSettings />
          </Panel>
        </div>
        {hasSet && (
          <Panel title="Over the set" className="min-w-0">
            <SetOverview />
          </Panel>
        )}
        <Panel title={hasSet ? 'Rankings for one query' : 'Rankings'} className="min-w-0">
          <div className="space-y-4">
            {hasSet && <QueryNavigator />}
            <RerankBar />
            <AddColumnMenu />
            <ExportMenu />
            <ChangeSummary />
            <Comparison />
          </div>
        </Panel>
        <Panel title="Metrics" className="min-w-0 lg:col-start-2">
          <MetricsPanel />
        </Panel>
      </main>
    </div>
  );
}
