import { useAppStore } from '../../store';

export function QueryInput() {
  const query = useAppStore((s) => s.query);
  const setQuery = useAppStore((s) => s.setQuery);
  return (
    <div>
      <label htmlFor="query" className="mb-1 block text-sm font-medium text-slate-700">
        Query
      </label>
      <input
        id="query"
        type="text"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="What is the user searching for?"
        className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-inner focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
      />
    </div>
  );
}
