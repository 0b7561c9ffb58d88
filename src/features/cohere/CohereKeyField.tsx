import { useEffect, useRef } from 'react';
import { keyScopeOf } from '../../rerankers/cohere/keyScope';
import { useAppStore } from '../../store';
import { selectCohereKey, selectKeyRemembered } from '../../store/keySlice';

interface CohereKeyFieldProps {
  columnId: string;
  /** The column's base URL: the field shows, and sets, the key of that server only. */
  baseUrl: string;
  optional: boolean;
}

/**
 * The API key for the column's server. Held in memory; saved only if the user asks.
 * No <form> around it, so no submit can ever put it in a URL. The input is uncontrolled and the key is written
 * to its `value` property after mount: a controlled input (or defaultValue) would put the key in the `value`
 * attribute, and so in the page's HTML for anything that reads it.
 */
export function CohereKeyField({ columnId, baseUrl, optional }: CohereKeyFieldProps) {
  const apiKey = useAppStore((s) => selectCohereKey(s, baseUrl));
  const remember = useAppStore((s) => selectKeyRemembered(s, baseUrl));
  const setKey = useAppStore((s) => s.setCohereKey);
  const setRemember = useAppStore((s) => s.setRememberCohereKey);
  const forgetKey = useAppStore((s) => s.forgetCohereKey);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Only when the store differs from the field (another column, "Forget key", a new base URL): typing stays put.
    if (input.current && input.current.value !== apiKey) input.current.value = apiKey;
  }, [apiKey]);
  const scope = keyScopeOf(baseUrl);
  const hintId = `cohere-key-hint-${columnId}`;
  return (
    <div className="space-y-1">
      <label className="block">
        <span className="font-medium">Cohere API key</span>
        <input
          ref={input}
          type="password"
          onChange={(e) => setKey(baseUrl, e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={hintId}
          placeholder={optional ? 'optional for this server' : 'paste your key'}
          className="mt-0.5 w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs"
        />
      </label>
      <p id={hintId} className="text-slate-500">
        {apiKey !== '' && <>A key for {scope} is entered (hidden). </>}
        {optional
          ? `Sent as "Authorization: Bearer …" only to ${scope === '' ? 'the address above' : scope}, and only when filled in; leave it empty if your server needs no key.`
          : 'Sent only to the address above, in the Authorization header. Kept in this tab’s memory unless you tick the box.'}
      </p>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(baseUrl, e.target.checked)} />
          Remember on this device
        </label>
        <button
          type="button"
          onClick={() => forgetKey(baseUrl)}
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
