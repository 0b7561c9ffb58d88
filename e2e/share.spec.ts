import { expect, test } from './fixtures';
import { hostilePayloads } from '../src/core/share/hostilePayloads';

async function copyLink(page: import('@playwright/test').Page): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  return page.getByLabel('Share link').inputValue();
}

test('a copied link opens the same setup in another browser, and a key typed here is not in it', async ({ playground, page, browser }) => {
  await playground.query.fill('how do vaccines train the immune system');
  await playground.pasteDocuments('vaccines teach immune cells\nthe immune system remembers\nbananas are yellow');
  await page.getByLabel('Relevance of doc_2').first().selectOption('3');
  await page.getByRole('button', { name: '+ Cohere or compatible API' }).click();
  const key = 'co-share-secret-1234567890';
  await page.getByLabel('Cohere API key').fill(key);
  const link = await copyLink(page);
  expect(link).toMatch(/#s=1\./);
  expect(link).not.toContain(key);

  const student = await browser.newPage();
  await student.goto(link.replace(/^https?:\/\/[^/]+/, 'http://localhost:' + new URL(page.url()).port));
  // A first visit is untouched work: the setup opens without a question.
  await expect(student.getByLabel('Query', { exact: true })).toHaveValue('how do vaccines train the immune system');
  await expect(student.getByTestId('parse-summary')).toContainText('3 documents');
  await expect(student.getByLabel('Relevance of doc_2').first()).toHaveValue('3');
  await expect(student.getByLabel('Cohere API key')).toHaveValue('');
  await student.close();
});

test('a link made with "Opens in presenter mode" opens the setup in presenter mode', async ({ playground, page, browser }) => {
  await playground.query.fill('presented query about vaccines');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await page.getByLabel('Opens in presenter mode').check();
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByLabel('Share link').inputValue();
  expect(link).toMatch(/#s=1\.[^&]+&present$/);

  const student = await browser.newPage();
  await student.goto(link.replace(/^https?:\/\/[^/]+/, 'http://localhost:' + new URL(page.url()).port));
  await expect(student.getByRole('button', { name: 'Leave presenter mode' })).toBeVisible();
  await expect(student.getByText('presented query about vaccines').first()).toBeVisible();
  await student.keyboard.press('Escape');
  await expect(student.getByLabel('Query', { exact: true })).toHaveValue('presented query about vaccines');
  await student.close();
});

test('opening a link over work in progress asks first, and the work can be kept', async ({ playground, page }) => {
  await playground.query.fill('my own query');
  const link = await copyLink(page);
  await playground.query.fill('work in progress');
  await page.goto(link);
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.getByRole('button', { name: 'Keep my work' }).click();
  await expect(playground.query).toHaveValue('work in progress');
});

test('a tampered link gets a clear message, and nothing here changes', async ({ playground, page }) => {
  await playground.query.fill('keep me');
  const link = await copyLink(page);
  await page.waitForTimeout(600); // the query is saved 400 ms after the last change
  const broken = link.slice(0, link.length - 12);
  await page.goto(broken);
  await expect(page.getByText(/This link is damaged|cut off|damaged/).first()).toBeVisible();
  await expect(playground.query).toHaveValue('keep me');
});

test('50 script payloads in a link are shown as text and never run', async ({ playground, page }) => {
  const ran: string[] = [];
  page.on('dialog', (dialog) => {
    ran.push(dialog.message());
    void dialog.dismiss();
  });
  await page.exposeFunction('__pwned', (what: string) => ran.push(what));
  const docs = hostilePayloads.map((text, i) => ({ id: i % 2 === 0 ? text : `doc_${i}`, text }));
  await playground.query.fill(hostilePayloads[0] ?? '');
  await playground.pasteDocuments(JSON.stringify(docs));
  const link = await copyLink(page);
  const fresh = await page.context().browser()?.newPage();
  if (!fresh) throw new Error('no browser');
  fresh.on('dialog', (dialog) => {
    ran.push(dialog.message());
    void dialog.dismiss();
  });
  await fresh.goto(link);
  await expect(fresh.getByLabel('Query', { exact: true })).toHaveValue(hostilePayloads[0] ?? '');
  await expect(fresh.getByTestId('parse-summary')).toContainText(`${hostilePayloads.length} documents`);
  await fresh.waitForTimeout(500);
  expect(ran).toEqual([]);
  expect(await fresh.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
  await fresh.close();
});
