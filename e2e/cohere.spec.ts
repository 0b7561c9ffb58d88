import type { Page } from '@playwright/test';
import { expect, test as base } from './fixtures';
import { CohereColumn } from './pages/CohereColumn';
import type { PlaygroundPage } from './pages/PlaygroundPage';
import { type CohereStub, type CohereStubOptions, overlapScore, type RecordedRequest, type Scenario, startCohereStub, STUB_BAD_REQUEST_MESSAGE } from './support/cohereStub';

// Every test talks to the stand-in server on its own port: another origin than the app, so CORS applies for real.
const test = base.extend<{ stubOptions: CohereStubOptions; stub: CohereStub; cohere: CohereColumn }>({
  stubOptions: [{ slowMs: 10_000, retryAfterSeconds: 1 }, { option: true }],
  stub: async ({ stubOptions }, use) => {
    const stub = await startCohereStub(stubOptions);
    await use(stub);
    await stub.close();
  },
  cohere: async ({ playground }, use) => {
    const cohere = new CohereColumn(playground.page);
    await cohere.addAlone();
    await use(cohere);
  },
});

const KEY = 'co-e2e-secret-7f3a9c21d4';
const SEED_QUERY = 'What are the latest advancements in AI for drug discovery?';
const posts = (stub: CohereStub): RecordedRequest[] => stub.requests.filter((r) => r.method === 'POST');

// The stub scores (distinct query words found) / 10, squashed: 0.01 + 0.98 x fraction.
// Query words: what are the latest advancements in ai for drug discovery (10).
// doc_101: are in for drug discovery = 5 -> 0.5      doc_205: in ai for = 3 -> 0.304
// doc_312: the in drug are = 4 -> 0.402              doc_450: advancements in ai are for = 5 -> 0.5
// The stub answers sorted by relevance (indices 0, 3, 2, 1), so mapping by position would put doc_205 second.
// The tie at 0.5 keeps first-stage order: doc_101 before doc_450.
test('sends only the key and content type, and maps the sorted answer back by index', async ({ playground, page, stub, cohere }) => {
  const seed = (JSON.parse(await playground.documents.inputValue()) as { text: string }[]).map((d) => d.text);
  expect(seed.map((text) => overlapScore(SEED_QUERY, text))).toEqual([0.5, 0.304, 0.402, 0.5]);
  await cohere.useServer(stub.url, { model: 'stub-rerank-1', key: KEY });
  await cohere.maxTokens.fill('256');
  await expect(cohere.endpoint).toHaveText(`Calls go to POST ${stub.url}/v2/rerank`);
  await playground.rerankButton.click();

  await expect(cohere.list).toHaveAccessibleName('Reranked: Custom server stub-rerank-1');
  await expect(cohere.rows.getByTestId('doc-id')).toHaveText(['doc_101', 'doc_450', 'doc_312', 'doc_205']);
  await expect(cohere.rows.getByTestId('score')).toHaveText(['0.5', '0.5', '0.402', '0.304']);
  await expect(page.getByText('score: relevance score')).toBeVisible();
  await expect(page.getByTestId('timings')).toContainText(/1 call · .+ per call · billed 1 search units/);
  // Cohere's relevance_score is shown as given: the logit display options must not touch it.
  await page.getByLabel('Show reranker scores as').selectOption('sigmoid');
  await expect(cohere.rows.getByTestId('score')).toHaveText(['0.5', '0.5', '0.402', '0.304']);

  const [post] = posts(stub);
  const preflight = stub.requests.find((r) => r.method === 'OPTIONS');
  expect(preflight?.headers['access-control-request-headers']).toBe('authorization,content-type');
  const addedByBrowser = /^(host|connection|content-length|origin|referer|user-agent|accept|accept-encoding|accept-language|pragma|cache-control|priority|sec-.+)$/;
  expect(Object.keys(post?.headers ?? {}).filter((h) => !addedByBrowser.test(h)).sort()).toEqual(['authorization', 'content-type']);
  expect(post?.headers.authorization).toBe(`Bearer ${KEY}`);
  expect(post?.headers['content-type']).toBe('application/json');
  expect(post?.path).toBe('/v2/rerank');
  expect(post?.body).toEqual({ model: 'stub-rerank-1', query: SEED_QUERY, documents: seed, top_n: 4, max_tokens_per_doc: 256 });
});

/** Runs one failing scenario and checks the message, and that the user's inputs survived it. */
async function expectFailure(
  { playground, stub, cohere }: { playground: PlaygroundPage; stub: CohereStub; cohere: CohereColumn },
  scenario: Scenario,
  message: (url: string) => string,
) {
  stub.setScenario(scenario);
  const documents = await playground.documents.inputValue();
  await cohere.useServer(stub.url, { key: KEY });
  await playground.rerankButton.click();
  await expect(cohere.error).toContainText(message(stub.url));
  await expect(cohere.list.getByTestId('pending-row')).toHaveText(Array(4).fill(/not scored \(the reranker failed\)/));
  await expect(playground.rerankButton).toBeEnabled();
  await expect(playground.query).toHaveValue(SEED_QUERY);
  await expect(playground.documents).toHaveValue(documents);
  await expect(cohere.error).not.toContainText(KEY);
}

const failures: [Scenario, (url: string) => string][] = [
  ['unauthorized', (url) => `The server at ${url} rejected the API key (401). Check the key this server expects.`],
  ['bad-request', (url) => `The server at ${url} refused the request (400): "${STUB_BAD_REQUEST_MESSAGE}". Fix what it names and run again.`],
  ['server-error', (url) => `The server at ${url} failed (503). Try again in a minute.`],
  ['not-json', (url) => `The server at ${url} answered, but not with JSON. It began: "<!doctype html><html><body>Not an API</body></html>".`],
  ['cors-refuse', (url) => `Could not reach ${url}. Check that the server is running and that you are online. If it is, the browser may have blocked the call (CORS)`],
];
for (const [scenario, message] of failures) {
  test(`failure "${scenario}" says what happened and keeps the inputs`, async ({ playground, stub, cohere }) => {
    await expectFailure({ playground, stub, cohere }, scenario, message);
  });
}

test.describe('rate limits', () => {
  test('a 429 is waited out, shown while it lasts, and the retry succeeds', async ({ playground, page, stub, cohere }) => {
    stub.setScenario('rate-limited-once');
    await cohere.useServer(stub.url, { key: KEY });
    await playground.rerankButton.click();
    await expect(page.getByText('Rate limited (429): retrying in 1 s (retry 1 of 3).')).toBeVisible();
    await expect(cohere.rows.getByTestId('doc-id')).toHaveText(['doc_101', 'doc_450', 'doc_312', 'doc_205']);
    await expect(page.getByText('The server limited the call rate (429), so the app waited 1 s in all and retried 1 time(s).')).toBeVisible();
    await expect(page.getByText(/^Rate limited \(429\): retrying/)).toHaveCount(0);
    expect(posts(stub)).toHaveLength(2);
  });

  test.describe(() => {
    test.use({ stubOptions: { retryAfterSeconds: 0.2 } });
    test('a 429 that never ends fails after three retries', async ({ playground, stub, cohere }) => {
      await expectFailure({ playground, stub, cohere }, 'rate-limited', (url) => `The server at ${url} is limiting calls (429) and still refused after 3 retries. Wait a minute and try again.`);
      expect(posts(stub)).toHaveLength(4);
    });
  });
});

test('a slow server hits the timeout set in the settings', async ({ playground, stub, cohere }) => {
  await cohere.timeout.fill('0.5');
  await expectFailure({ playground, stub, cohere }, 'slow', (url) => `The call to ${url} timed out after 0.5 s. Try again, rerank fewer documents, or raise the timeout in the settings.`);
});

test('Cancel stops a slow call, and the next run works', async ({ playground, page, stub, cohere }) => {
  stub.setScenario('slow');
  await cohere.useServer(stub.url, { key: KEY });
  await playground.rerankButton.click();
  // Cancel only once the call is in flight at the server.
  await expect.poll(() => posts(stub).length).toBe(1);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Cancelled. The scores that arrived are shown')).toBeVisible();
  await expect(cohere.list.getByTestId('pending-row')).toHaveText(Array(4).fill(/not scored \(cancelled\)/));
  await expect(cohere.error).toHaveCount(0);

  stub.setScenario('ok');
  await playground.rerankButton.click();
  await expect(cohere.rows.getByTestId('doc-id')).toHaveText(['doc_101', 'doc_450', 'doc_312', 'doc_205']);
});

test('a base URL that cannot work is explained next to the field and blocks the call', async ({ playground, stub, cohere }) => {
  await cohere.useServer(`${stub.url}/v2/rerank`, { key: KEY });
  const problem = `Leave "/v2/rerank" off the base URL: the app adds it. Try "${stub.url}".`;
  await expect(cohere.settings.getByText(problem)).toBeVisible();
  await expect(cohere.baseUrl).toHaveAttribute('aria-invalid', 'true');
  await playground.rerankButton.click();
  await expect(cohere.error).toContainText(problem);
  expect(stub.requests).toHaveLength(0);

  await cohere.baseUrl.fill(stub.url);
  await expect(cohere.baseUrl).toHaveAttribute('aria-invalid', 'false');
  await playground.rerankButton.click();
  await expect(cohere.rows).toHaveCount(4);
});

test('Cohere asks for a key, and a blocked call offers the proxy, which then works', async ({ playground, page, stub, cohere }) => {
  await playground.rerankButton.click();
  await expect(cohere.error).toContainText('Enter a Cohere API key first.');
  await cohere.key.fill(KEY);
  // No network in tests: a call to the real Cohere fails here the way a CORS block does.
  await page.route('https://api.cohere.com/**', (route) => route.abort('failed'));
  // The preview server's proxy leads to the real Cohere; in tests it leads to the stand-in.
  await page.route('**/api/cohere/v2/rerank', async (route) => route.fulfill({ response: await route.fetch({ url: `${stub.url}/v2/rerank` }) }));
  await playground.rerankButton.click();
  await expect(cohere.error).toContainText('Could not reach Cohere at https://api.cohere.com.');
  await expect(cohere.error).toContainText('set the base URL to /api/cohere');

  await page.getByRole('button', { name: 'Use the proxy and rerank' }).click();
  await expect(cohere.rows.getByTestId('doc-id')).toHaveText(['doc_101', 'doc_450', 'doc_312', 'doc_205']);
  // A successful run folds the column's settings away; open them to see the proxy in force.
  await page.getByRole('button', { name: 'Show settings of Cohere rerank-v3.5' }).click();
  await expect(cohere.useProxy).toBeChecked();
  await expect(cohere.endpoint).toHaveText('Calls go to POST /api/cohere/v2/rerank');
  await expect(cohere.list).toHaveAccessibleName('Reranked: Cohere rerank-v3.5');
  await expect(cohere.error).toHaveCount(0);
  expect(posts(stub)[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
});

/** Everything the page keeps in storage, as one string to search. */
const allStorage = (page: Page) =>
  page.evaluate(() => {
    // Flush the debounced persistence now, as leaving the page would.
    window.dispatchEvent(new Event('pagehide'));
    const dump = (s: Storage) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i) ?? '')}`).join('\n');
    return `${dump(localStorage)}\n${dump(sessionStorage)}`;
  });

test('without "remember", the key is never stored, put in the URL or shown', async ({ playground, page, stub, cohere }) => {
  await cohere.useServer(stub.url, { key: KEY });
  await playground.rerankButton.click();
  await expect(cohere.rows).toHaveCount(4);
  expect(posts(stub)[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
  const stored = await allStorage(page);
  expect(stored).toContain(stub.url); // The column's settings were saved...
  expect(stored).not.toContain(KEY); // ...and the key was not.
  expect(page.url()).not.toContain(KEY);
  expect(await page.evaluate(() => document.body.innerText)).not.toContain(KEY);
});

test('"Remember on this device" keeps the key across a reload, and "Forget key" removes it', async ({ page, stub, cohere }) => {
  await cohere.useServer(stub.url, { key: KEY });
  await cohere.rememberKey.check();
  expect(await allStorage(page)).toContain(KEY);

  await page.reload();
  await expect(cohere.key).toHaveValue(KEY);
  await expect(cohere.rememberKey).toBeChecked();

  await cohere.forgetKey.click();
  await expect(cohere.key).toHaveValue('');
  await expect(cohere.rememberKey).not.toBeChecked();
  expect(await allStorage(page)).not.toContain(KEY);
});

test('a Cohere column beside a local model and the first stage: three lists', async ({ playground, page, stub }) => {
  const cohere = new CohereColumn(page);
  await cohere.add();
  await playground.useLocalModel('test/overlap-reranker', { device: 'wasm', dtype: 'fp32' });
  await cohere.useServer(stub.url, { key: KEY });
  await playground.rerankButton.click();

  await expect(playground.firstStageRows.getByTestId('doc-id')).toHaveText(['doc_101', 'doc_205', 'doc_312', 'doc_450']);
  // The local model's order, as worked out in rerank.spec.ts.
  await expect(playground.column(0).rows.getByTestId('doc-id')).toHaveText(['doc_450', 'doc_101', 'doc_312', 'doc_205'], { timeout: 30_000 });
  await expect(cohere.rows.getByTestId('doc-id')).toHaveText(['doc_101', 'doc_450', 'doc_312', 'doc_205']);
  await expect(page.getByRole('list', { name: /^(First stage|Reranked: )/ })).toHaveCount(3);
  for (const list of await page.getByRole('list', { name: /^(First stage|Reranked: )/ }).all()) await expect(list).toBeVisible();
});

test('a key goes only to the server it was typed for, and never into the page markup', async ({ playground, page, stub, cohere }) => {
  const other = await startCohereStub({});
  try {
    await cohere.useServer(stub.url, { model: 'stub-rerank-1', key: KEY });
    const second = new CohereColumn(page, 1);
    await second.add();
    await second.useServer(other.url, { model: 'stub-rerank-2' });
    // The second server has no key of its own yet: its field is empty, not pre-filled with the first server's.
    await expect(second.key).toHaveValue('');
    await second.key.fill('other-server-key');
    await playground.rerankButton.click();
    await expect(second.rows).toHaveCount(4);
    expect(posts(stub).map((r) => r.headers.authorization)).toEqual([`Bearer ${KEY}`]);
    expect(posts(other).map((r) => r.headers.authorization)).toEqual(['Bearer other-server-key']);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(KEY);
  } finally {
    await other.close();
  }
});
