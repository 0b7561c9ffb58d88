import { useAppStore } from '../../store';

/**
 * The API key, shared by every Cohere column. Held in memory; saved only if the user asks.
 * No <form> around it, so no submit can ever put it in a URL.
 */
export function CohereKeyField({ columnId, optional }: { columnId: string; optional: boolean }) {
  const apiKey = useAppStore((s) => s.cohereApiKey);
  const remember = useAppStore((s) => s.rememberKey);
  const setApiKey = useAppStore((s) => s.setCohereApiKey);
  const setRemember = useAppStore((s) => s.setRememberKey);
  const forgetKey = useAppStore((s) => s.forgetKey);
  const hintId = `cohere-key-hint-${columnId}`;
  return (
    <div className="space-y-1">
      <label className="block">
        <span className="font-medium">Cohere API key</span>
        <input
          type="password"
          value={apiKey}
          onChange={(e) => setApiKey(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={hintId}
          placeholder={optional ? 'optional for this server' : 'paste your key'}
          className="mt-0.5 w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs"
        />
      </label>
      <p id={hintId} className="text-slate-500">
        {optional
          ? 'Sent as "Authorization: Bearer …" only when filled in; leave it empty if your server needs no key.'
          : 'Sent only to the address above, in the Authorization header. Kept in this tab’s memory unless you tick the box.'}
      </p>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
          Remember on this device
        </label>
        <button
          type="button"
          onClick={forgetKey}
          disabled={apiKey === '' && !remember}
          className="rounded border border-slate-300 px-2 py-0.5 text-slate-700 hover:bg-slate-50 disabled:text-slate-400"
        >
          Forget key
        </button>
      </div>
      <p className="text-slate-500">
        Remembering stores the key in this browser’s localStorage, readable by anyone who uses this browser profile; leave it off on shared machines.
      </p>
    </div>
  );
}
