import { COHERE_PROXY_BASE_URL } from '../../rerankers/cohere/settings';

/** After a call to Cohere that never got an answer: one click to go through the proxy and try again. */
export function ProxyOffer({ onAccept }: { onAccept: () => void }) {
  return (
    <div className="space-y-1 rounded border border-sky-200 bg-sky-50 px-2 py-1.5 text-sky-900">
      <p>
        The browser may have blocked the call (CORS). If the app runs from <code>npm run dev</code> or <code>npm start</code>, its proxy at{' '}
        <code>{COHERE_PROXY_BASE_URL}</code> gets around that.
      </p>
      <button type="button" onClick={onAccept} className="rounded border border-sky-300 bg-white px-2 py-0.5 font-medium hover:bg-sky-100">
        Use the proxy and rerank
      </button>
    </div>
  );
}
