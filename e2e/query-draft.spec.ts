import { expect, test } from './fixtures';
import { PlaygroundPage } from './pages/PlaygroundPage';

// The Query field shows each key at once and hands the query to the store after a short pause (QueryInput.tsx).
// These check that no keystroke is lost on the way: the list, a reload straight after typing, and another tab.

test('fast typing reaches the first stage whole', async ({ playground }) => {
  // No scores: the first stage is BM25 over the query. doc_2 is the only one with "weather".
  await playground.pasteDocuments('gene therapy trial\nweather report\ntherapy for genes');
  await playground.query.fill('');
  await playground.query.pressSequentially('weather', { delay: 0 });
  await expect(playground.query).toHaveValue('weather');
  await expect.poll(() => playground.firstStageIds()).toEqual(['doc_2', 'doc_1', 'doc_3']);
});

test('a reload straight after typing keeps every key', async ({ playground, page }) => {
  await playground.query.fill('');
  await playground.query.pressSequentially('typed then reloaded', { delay: 0 });
  // No wait: the reload comes before the pause that commits the query.
  await page.reload();
  await expect(playground.query).toHaveValue('typed then reloaded');
});

test('another tab sees the query once the typist pauses', async ({ playground, page }) => {
  const other = new PlaygroundPage(await page.context().newPage());
  await other.goto();
  await playground.query.fill('');
  await playground.query.pressSequentially('from the first tab', { delay: 20 });
  await expect(other.query).toHaveValue('from the first tab');
  // And back: the first tab follows an edit made in the second.
  await other.query.fill('from the second tab');
  await expect(playground.query).toHaveValue('from the second tab');
});
