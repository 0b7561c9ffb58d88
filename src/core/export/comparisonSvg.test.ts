import { describe, expect, it } from 'vitest';
import { hostilePayloads } from '../share/hostilePayloads';
import { firstStageRanking } from '../ranking';
import { rerankedOrder } from '../rerankedOrder';
import type { Candidate } from '../types';
import { exampleInput, FORMULA_ID } from './comparisonExample';
import { comparisonSvg } from './comparisonSvg';
import { escapeXml } from './svgText';

/** Every element this module writes; anything else would be markup that came from the data. */
const OUR_ELEMENTS = new Set(['svg', 'g', 'rect', 'text', 'title', 'line', 'path']);
const OUR_ATTRIBUTES = new Set([
  'xmlns', 'width', 'height', 'viewBox', 'role', 'aria-label', 'font-family', 'font-size', 'font-weight', 'fill', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'rx',
  'text-anchor', 'class', 'data-doc-id', 'data-gutter', 'd', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-linecap', 'stroke-opacity',
]);

function tagsAndAttributes(svg: string): { tags: Set<string>; attributes: Set<string> } {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  for (const [, name, body] of svg.replace(/^<\?xml[^>]*\?>/u, '').matchAll(/<\/?([^\s/>]+)([^>]*)>/gu)) {
    tags.add(name as string);
    // Attribute values are quoted and hold no quote (escaped): strip them, then what is left are names.
    for (const [, attribute] of (body as string).replace(/"[^"]*"/gu, '').matchAll(/([^\s=/]+)=/gu)) attributes.add(attribute as string);
  }
  return { tags, attributes };
}

/** The paths across one gutter, by document id, as [class, stroke width, dashed]. */
function linesOf(svg: string, gutter: string): Map<string, [string, string, boolean]> {
  const lines = new Map<string, [string, string, boolean]>();
  for (const [path] of svg.matchAll(/<path [^>]*>/gu)) {
    if (!path.includes(`data-gutter="${gutter}"`)) continue;
    const attr = (name: string) => new RegExp(` ${name}="([^"]*)"`, 'u').exec(path)?.[1] ?? '';
    lines.set(attr('data-doc-id'), [attr('class'), attr('stroke-width'), path.includes('stroke-dasharray')]);
  }
  return lines;
}

/** The bar widths of one column (0 = the first stage), by escaped document id. */
function barsOf(svg: string, column: number): Map<string, string> {
  const body = svg.split('<g class="column">')[column + 1] ?? '';
  const bars = new Map<string, string>();
  for (const [, id, row] of body.matchAll(/<g class="row" data-doc-id="([^"]*)">(.*?)<line /gu)) {
    bars.set(id as string, /class="score-bar"[^>]* width="([^"]*)"/u.exec(row as string)?.[1] ?? 'none');
  }
  return bars;
}

describe('comparisonSvg', () => {
  it('draws one line per document per gutter, coloured by its move (worked by hand in comparisonExample.ts)', () => {
    const { svg } = comparisonSvg(exampleInput());
    const id = escapeXml(FORMULA_ID);
    // Gutter 0-1, first stage -> column 1; the thickest move is maxMoveFor(4) = 3 places:
    // width = 1 + 3 × min(by, 3) / 3, so 2 places -> 3, 1 place -> 2, unchanged -> 1; below the cut: thin and dashed.
    expect(linesOf(svg, '0-1')).toEqual(
      new Map([
        ['__proto__', ['rank-line move-down', '2', false]],
        ['constructor', ['rank-line move-down', '2', false]],
        ['c,1', ['rank-line move-up', '3', false]],
        [id, ['rank-line move-same', '1', false]],
        ['e', ['rank-line move-not-reranked', '1', true]],
      ]),
    );
    // Gutter 1-2, column 1 (c,1 __proto__ constructor =H) -> column 2 (constructor __proto__ c,1 =H): c,1 ▼2, constructor ▲2.
    expect(linesOf(svg, '1-2')).toEqual(
      new Map([
        ['c,1', ['rank-line move-down', '3', false]],
        ['__proto__', ['rank-line move-same', '1', false]],
        ['constructor', ['rank-line move-up', '3', false]],
        [id, ['rank-line move-same', '1', false]],
        ['e', ['rank-line move-not-reranked', '1', true]],
      ]),
    );
    expect(svg).toContain('class="rank-line move-up"');
    expect(svg).toMatch(/class="rank-line move-up"[^>]*stroke="#00bc7d"/u);
    expect(svg).toMatch(/class="rank-line move-down"[^>]*stroke="#ff2056"/u);
  });

  it('scales the bars as the screen does', () => {
    const { svg } = comparisonSvg(exampleInput());
    // First stage, from zero (all scores >= 0): 4/4, 3/4, 2/4, 1/4, 0.5/4 of 104 px, each rounded to a whole percent
    // first: 100%, 75%, 50%, 25%, 12.5% -> 13% (13.52 px -> 13.5).
    expect(barsOf(svg, 0)).toEqual(new Map([['__proto__', '104'], ['constructor', '78'], ['c,1', '52'], [escapeXml(FORMULA_ID), '26'], ['e', '13.5']]));
    // Column 1, raw logits from -3 to 3, min to max with a 5% floor: 0.05 + 0.95 × (s + 3) / 6.
    // c,1 3 -> 100%; __proto__ 1 -> 0.683 -> 68% (70.72 px); constructor -2 -> 0.208 -> 21% (21.84 px); =H -3 -> 5% (5.2 px).
    // e is below the cut: no bar.
    expect(barsOf(svg, 1)).toEqual(new Map([['c,1', '104'], ['__proto__', '70.7'], ['constructor', '21.8'], [escapeXml(FORMULA_ID), '5.2'], ['e', 'none']]));
  });

  it('writes the moves on the badges and the scores as shown', () => {
    const { svg } = comparisonSvg(exampleInput({ scoreDisplay: 'sigmoid' }));
    expect(svg).toMatch(/class="move-badge move-up">.*?>▲2<\/text>/u);
    expect(svg).toContain('class="move-badge move-not-reranked"');
    // Column 1's top score, the logit 3 shown as its sigmoid 1 / (1 + e^-3) = 0.9526 (two decimals: 0.95).
    expect(svg).toContain('>0.95</text>');
    expect(svg).toContain('>score: sigmoid</text>');
  });

  it('escapes every id, text, query and title: hostile input is only ever text', () => {
    const candidates: Candidate[] = hostilePayloads.map((payload, index) => ({ id: payload, text: payload, index, score: 100 - index }));
    const firstStage = firstStageRanking(candidates, 'supplied');
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const ids = candidates.slice(0, 30).map((c) => c.id);
    const order = rerankedOrder(firstStage, byId, ids, new Map(ids.map((id, i) => [id, i])), 'raw logit');
    const { svg } = comparisonSvg(
      exampleInput({
        queryText: '<script>alert("query")</script>',
        firstStage,
        columns: [{ title: '<img src=x onerror=alert(1)>', order }],
        texts: new Map(candidates.map((c) => [c.id, c.text])),
      }),
    );
    const { tags, attributes } = tagsAndAttributes(svg);
    expect([...tags].filter((t) => !OUR_ELEMENTS.has(t))).toEqual([]);
    expect([...attributes].filter((a) => !OUR_ATTRIBUTES.has(a))).toEqual([]);
    for (const payload of hostilePayloads) expect(svg).toContain(`data-doc-id="${escapeXml(payload)}"`);
    expect(svg).toContain('&lt;script&gt;alert(&quot;query&quot;)&lt;/script&gt;');
  });

  it('keeps the document well-formed when the data holds characters XML forbids', () => {
    const { svg } = comparisonSvg(exampleInput({ queryText: 'nul\u0000 and a lone \uD800 surrogate' }));
    expect(svg).toContain('nul\uFFFD and a lone \uFFFD surrogate');
    // eslint-disable-next-line no-control-regex -- looking for the control character that must be gone.
    expect(svg).not.toMatch(/\u0000/u);
  });

  it('draws the top-N cut in the first stage, and the rows below it lower, as on screen', () => {
    const { svg } = comparisonSvg(exampleInput());
    expect(svg.match(/class="top-n-cut"/gu)).toHaveLength(1);
    expect(svg).toContain('top-4 cut · the reranker never sees what is below');
    // The line of e leaves the first stage 24 px (the cut) lower than it meets column 1.
    const path = /data-doc-id="e" data-gutter="0-1" d="M[\d.]+ ([\d.]+)C[\d.]+ [\d.]+ [\d.]+ ([\d.]+) /u.exec(svg);
    expect(Number(path?.[1]) - Number(path?.[2])).toBe(24);
  });

  it('draws at most rowLimit rows per column and says so; lines only join drawn rows', () => {
    const { svg, cutShort } = comparisonSvg(exampleInput(), { rowLimit: 2 });
    expect(cutShort).toBe(true);
    expect(svg.match(/<g class="row"/gu)).toHaveLength(6);
    expect([...linesOf(svg, '0-1').keys()]).toEqual(['__proto__']);
    expect(svg).toContain('The first 2 rows of each column');
    expect(comparisonSvg(exampleInput()).cutShort).toBe(false);
  });

  it('shows a column that never ran as such, with no lines to or from it', () => {
    const neverRan = { title: 'Reranked: idle', order: { reranked: { scoreKind: 'raw logit' as const, entries: [] }, pending: [], notReranked: [] } };
    const input = exampleInput();
    const { svg, width } = comparisonSvg({ ...input, columns: [neverRan, input.columns[1] ?? neverRan] });
    expect(svg).toContain('Not reranked yet');
    expect(svg).not.toContain('<path');
    // Three columns of 360 px, two gutters of 48, 20 px each side.
    expect(width).toBe(3 * 360 + 2 * 48 + 40);
  });
});
