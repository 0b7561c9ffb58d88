import { chromium } from '@playwright/test';
const args = ['--no-sandbox','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const width = Number(process.env.W ?? 1440);
const page = await browser.newPage({ viewport: { width, height: 900 } });
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto('http://localhost:4173/');
await page.waitForTimeout(1000);
const steps = process.env.STEPS ?? '';
if (steps.includes('example')) { await page.getByLabel('Example').selectOption({ label: 'Workshop set: fifteen queries, where reranking helps, where it hurts' }); await page.waitForTimeout(2500); }
if (steps.includes('trec')) { await page.getByLabel('Import query set files').setInputFiles(['topics.tsv','run.txt','qrels.txt','collection.tsv'].map(f=>'e2e/fixtures/trec-small/'+f)); await page.waitForTimeout(2500); }
await page.screenshot({ path: process.env.OUT ?? '/tmp/shot.png', fullPage: true });
await browser.close();
