export function App() {
  return (
    <main className="mx-auto max-w-7xl p-4">
      <h1 className="text-2xl font-semibold">Rerank Playground</h1>
    </main>
  );
}
