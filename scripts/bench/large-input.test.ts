import { describe, expect, it } from 'vitest';
import { deliveriesOfRound, overlapBudget, taskList } from './large-input-drive';
import { documentsOfSize, manyDocuments, oneDocument } from './large-input-files';
import { grownRenderer, type RendererMemory } from './renderer-memory';

describe('overlapBudget', () => {
  it('counts every task that overlaps the window, also one that began before it', () => {
    const tasks = [
      { start: 90, duration: 20 }, // 90..110: overlaps the start
      { start: 100, duration: 80 },
      { start: 150, duration: 60 },
      { start: 300, duration: 55 }, // after the window
      { start: 10, duration: 70 }, // 10..80: ends before it
    ];
    // Blocking: each task's time over 50 ms: 0 + 30 + 10 = 40.
    expect(overlapBudget(tasks, 100, 200)).toEqual({ longestMs: 80, blockingMs: 40, count: 3 });
    expect(overlapBudget(tasks, 400, 500)).toEqual({ longestMs: 0, blockingMs: 0, count: 0 });
  });
});

describe('deliveriesOfRound and taskList', () => {
  it('alternates which delivery goes first, and writes tasks as +start:duration', () => {
    expect(deliveriesOfRound(0)).toEqual(['paste', 'upload']);
    expect(deliveriesOfRound(1)).toEqual(['upload', 'paste']);
    expect(taskList([{ start: 12.4, duration: 80.6 }, { start: 300, duration: 51 }])).toBe('+12:81 +300:51');
    expect(taskList([])).toBe('none');
  });
});

describe('large inputs', () => {
  it('makes a text of exactly the size asked, one non-empty document a line', () => {
    const { text, docs } = documentsOfSize(10_000);
    expect(text.length).toBe(10_000);
    const lines = text.split('\n');
    expect(lines.length).toBe(docs);
    expect(lines.every((line) => line.trim().length > 0)).toBe(true);
  });

  it('makes one document of exactly the size asked, on one line', () => {
    const text = oneDocument(5_000);
    expect(text.length).toBe(5_000);
    expect(text.includes('\n')).toBe(false);
  });

  it('makes `count` lines of `wordsPerDoc` words', () => {
    const lines = manyDocuments(3, 4).split('\n');
    expect(lines.length).toBe(3);
    expect(lines.map((line) => line.split(' ').length)).toEqual([4, 4, 4]);
  });
});

describe('grownRenderer', () => {
  const memory = (pid: number, rssBytes: number, peakRssBytes: number): RendererMemory => ({ pid, rssBytes, peakRssBytes, workers: 0 });

  it('picks the renderer whose peak rose most over its resident size before, ignoring ones not seen before', () => {
    const before = new Map([
      [1, memory(1, 100, 100)],
      [2, memory(2, 50, 60)],
    ]);
    const after = new Map([
      [1, memory(1, 110, 120)], // grew 120 - 100 = 20
      [2, memory(2, 300, 400)], // grew 400 - 50 = 350
      [3, memory(3, 900, 900)], // new since: not the page that was measured
    ]);
    expect(grownRenderer(before, after)?.after.pid).toBe(2);
    expect(grownRenderer(new Map(), after)).toBeNull();
  });
});
