// The share UI's HTML, rendered without a DOM: what a link or file holds must come out as text, never as markup.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeSetup } from '../../core/share';
import { hostilePayloads } from '../../core/share/hostilePayloads';
import { samplePasteSetup } from '../../core/share/sampleSetups';
import { ConfirmOpenView } from './ConfirmOpenView';
import { LinkLengthNote, LONG_LINK_WARNING } from './LinkLengthNote';

afterEach(() => vi.unstubAllGlobals());

/** Tags and handlers that must never appear as markup in what the UI renders from a link. */
const LIVE_MARKUP = /<(script|img|svg|iframe|object|body|details|a|math|input|video|style|meta|base|form|template|noscript)[\s>/]/i;

describe('the question before a setup opens', () => {
  it('shows hostile names, queries and model ids as text', () => {
    const setup = samplePasteSetup();
    if (!setup.paste) throw new Error('no paste');
    setup.paste.query = hostilePayloads[0] ?? '';
    setup.paste.fileName = hostilePayloads[1] ?? '';
    const columns = hostilePayloads.slice(0, 20).map((model, i) => ({ id: `col_${i + 1}`, config: { kind: 'local' as const, model, device: 'auto' as const, dtype: 'auto' as const, maxLength: 512, batchSize: 8 }, runs: [] }));
    setup.columns = columns;
    const lines = describeSetup(setup);
    // A file name is text too: the file chooser hands over whatever the file was called.
    const markup = renderToStaticMarkup(createElement(ConfirmOpenView, { what: `"${hostilePayloads[5] ?? ''}"`, lines, onOpen: () => {}, onKeep: () => {} }));
    expect(markup).toContain('role="dialog"');
    expect(markup).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markup).toContain('&lt;svg onload=alert(1)&gt;');
    // React escapes '<' in text; the only tags are the dialog's own.
    const tags = [...markup.matchAll(/<([a-z0-9]+)/gi)].map((m) => m[1]);
    expect(new Set(tags)).toEqual(new Set(['div', 'h2', 'p', 'ul', 'li', 'button']));
    expect(markup).not.toMatch(LIVE_MARKUP);
    // Event handlers inside a real tag (text between tags may say "onload=": it is escaped text).
    expect(markup).not.toMatch(/<[^>]*\son[a-z]+=/i);
  });
});

describe('the link length', () => {
  it('is shown, and past 2,000 characters comes with the warning and the way out', () => {
    const short = renderToStaticMarkup(createElement(LinkLengthNote, { length: 2000 }));
    expect(short).toContain('The link is 2,000 characters long.');
    expect(short).not.toContain('break in some places');
    const long = renderToStaticMarkup(createElement(LinkLengthNote, { length: 2001 }));
    expect(long).toContain('The link is 2,001 characters long.');
    expect(long).toContain(LONG_LINK_WARNING.replace(/&/g, '&amp;'));
    expect(LONG_LINK_WARNING).toContain('session file');
    const tooLong = renderToStaticMarkup(createElement(LinkLengthNote, { length: 2_000_001 }));
    expect(tooLong).toContain('cannot be opened. Save a session file instead.');
    expect(renderToStaticMarkup(createElement(LinkLengthNote, { length: 2_000_000 }))).toContain('break in some places');
  });
});

describe('the Share menu', () => {
  it('renders its button closed, with nothing else open', async () => {
    vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} });
    vi.resetModules();
    const { ShareMenu } = await import('./ShareMenu');
    const markup = renderToStaticMarkup(createElement(ShareMenu));
    expect(markup).toContain('aria-expanded="false"');
    expect(markup).toContain('>Share</button>');
    expect(markup).not.toContain('role="dialog"');
  });
});

describe('no HTML from strings anywhere in the app', () => {
  it('has no dangerouslySetInnerHTML, innerHTML or insertAdjacentHTML in src/', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.test.ts')) {
          if (/dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/.test(readFileSync(path, 'utf8'))) offenders.push(path);
        }
      }
    };
    walk(join(__dirname, '..', '..'));
    expect(offenders).toEqual([]);
  });
});
