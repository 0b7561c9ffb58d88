import { useOfflineStore, type ShellStatus } from '../../store/offlineStore';

const SHELL_TEXT: Record<ShellStatus, string> = {
  checking: 'checking…',
  saving: 'being saved for offline use…',
  ready: 'saved: it opens with no network',
  failed: 'not saved: the service worker could not start',
  unsupported: 'not saved: this window has no service workers',
  dev: 'not saved: the dev server has no service worker (use npm start)',
};

function Line({ name, ok, children }: { name: string; ok: boolean; children: React.ReactNode }) {
  return (
    <li className="flex gap-2">
      <span aria-hidden="true" className={ok ? 'text-emerald-700' : 'text-slate-500'}>
        {ok ? '✓' : '–'}
      </span>
      <span>
        <span className="font-medium">{name}:</span> {children}
      </span>
    </li>
  );
}

/** What this browser keeps for a visit with no network, and how to prepare a workshop that needs none. */
export function OfflineDetails() {
  const online = useOfflineStore((s) => s.online);
  const shell = useOfflineStore((s) => s.shell);
  const shellProblem = useOfflineStore((s) => s.shellProblem);
  const inventory = useOfflineStore((s) => s.inventory);
  const models = inventory?.models ?? [];
  return (
    <>
      <p data-testid="offline-network">{online ? 'You are online.' : 'You are offline: the network is not reachable.'}</p>
      <ul className="space-y-1" data-testid="offline-inventory">
        <Line name="The app" ok={shell === 'ready'}>
          {SHELL_TEXT[shell]}
          {shellProblem && <span className="block text-slate-600">{shellProblem}</span>}
        </Line>
        <Line name="Model runtime (onnxruntime, about 27 MB)" ok={inventory?.runtimeCached === true}>
          {inventory === null ? 'unknown: this window cannot read its caches' : inventory.runtimeCached ? 'saved' : 'saved on the first local rerank'}
        </Line>
        <Line name="Models" ok={models.some((m) => m.complete)}>
          {models.length === 0 ? 'none saved yet: each model is saved the first time it runs' : `${models.filter((m) => m.complete).length} saved`}
        </Line>
      </ul>
      {models.length > 0 && (
        <ul className="ml-6 list-disc space-y-0.5" aria-label="Saved models" data-testid="offline-models">
          {models.map((model) => (
            <li key={`${model.source} ${model.id}`} data-model-id={model.id}>
              <span className="font-mono text-xs">{model.id}</span> ({model.source === 'hub' ? 'from the Hub' : 'self-hosted'}
              {model.dtypes.length > 0 ? `, ${model.dtypes.join(', ')}` : ''}){model.complete ? '' : ': incomplete, run it once more while online'}
            </li>
          ))}
        </ul>
      )}
      <p className="text-slate-700">
        For a workshop with no network: open the app once while online and rerank once with each model you will use, in the
        browser you will present from. Or host the models with the app (<code className="font-mono text-xs">npm run fetch-model</code>
        ), or send a session file with scores (Share → Save file), which needs no model at all.
      </p>
    </>
  );
}
