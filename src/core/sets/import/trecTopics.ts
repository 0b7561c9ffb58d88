/**
 * TREC topics: either one `qid<TAB>text` per line (MS MARCO, TREC DL), or the classic SGML-like
 * `<top> <num> Number: 301 <title> ... <desc> ... <narr> ... </top>`, where the title is the query.
 * Real SGML topic files leave `<num>`, `<title>` and `<desc>` unclosed: a field runs to the next tag.
 */
import type { SetFile, SetFileParts } from '../types';
import { IssueList, guarded, isTrecSkippable, keepFirstOfEach, quote, textLines } from './lines';

type Topic = NonNullable<SetFileParts['topics']>[number];

export function readTrecTopics(file: SetFile): SetFileParts {
  return guarded(file.name, 'trec-topics', () => {
    const lines = textLines(file.text);
    const issues = new IssueList(file.name);
    const first = lines.find((line) => !isTrecSkippable(line));
    const topics: Topic[] = [];
    if (first === undefined) {
      issues.add('no topics', { severity: 'error', message: 'The file holds no topics at all: it is empty, or every line is blank or a comment. Check that this is the topics file.' });
    } else if (first.trimStart().startsWith('<')) {
      readSgmlTopics(lines, issues, topics);
    } else {
      readTabTopics(lines, issues, topics);
    }
    return { file: file.name, kind: 'trec-topics', topics: keepFirstOfEach(topics, 'query', issues), issues: issues.finish() };
  });
}

/** Header names seen in the first line of topic TSVs; such a line is not a topic. */
const HEADER_IDS = new Set(['qid', 'query_id', 'query-id', 'id', 'topic', 'topic_id']);
const HEADER_TEXTS = new Set(['text', 'query', 'title', 'query_text']);

function readTabTopics(lines: readonly string[], issues: IssueList, topics: Topic[]): void {
  let seenTopicLine = false;
  lines.forEach((text, index) => {
    if (isTrecSkippable(text)) return;
    const line = index + 1;
    const tab = text.indexOf('\t');
    const id = tab === -1 ? '' : text.slice(0, tab).trim();
    const query = tab === -1 ? '' : text.slice(tab + 1).trim();
    const isHeader = !seenTopicLine && HEADER_IDS.has(id.toLowerCase()) && HEADER_TEXTS.has(query.toLowerCase());
    seenTopicLine = true;
    if (isHeader) return;
    if (tab === -1) {
      issues.add('no tab', { severity: 'error', line, message: `Line ${line} has no tab: a topic line is the query id, a tab, then the query text. The line was skipped.` });
    } else if (id === '') {
      issues.add('no query id', { severity: 'error', line, column: 1, message: `Line ${line} has no query id before its tab. The line was skipped.` });
    } else if (query === '') {
      issues.add('no query text', { severity: 'error', line, column: tab + 2, message: `Line ${line}: query ${quote(id)} has no text after its tab. The line was skipped.` });
    } else {
      topics.push({ id, text: query, line });
    }
  });
}

/** An opening or closing tag; attributes may follow the name. `[^<>]` keeps a line of stray `<` linear. */
const TAG = /<(\/?)([A-Za-z][\w-]*)(?:\s[^<>]*)?>/g;

interface OpenTopic {
  startLine: number;
  num: string[];
  numLine?: number;
  title: string[];
  titleLine?: number;
}

function readSgmlTopics(lines: readonly string[], issues: IssueList, topics: Topic[]): void {
  let open: OpenTopic | undefined;
  /** The field that text goes to: 'num', 'title', another tag's name (ignored), or none. */
  let field: string | undefined;

  const close = () => {
    if (open) finishTopic(open, issues, topics);
    open = undefined;
    field = undefined;
  };
  const start = (line: number): OpenTopic => {
    close();
    open = { startLine: line, num: [], title: [] };
    return open;
  };
  const append = (text: string, line: number) => {
    if (!open) {
      if (/\S/.test(text)) {
        issues.add('text outside a topic', { severity: 'warning', line, message: `Line ${line} has text outside any <top> … </top>: ${quote(text.trim())}. It was ignored.` });
      }
      return;
    }
    if (field === 'num') open.num.push(text);
    else if (field === 'title') open.title.push(text);
  };

  lines.forEach((text, index) => {
    const line = index + 1;
    let position = 0;
    for (const match of text.matchAll(TAG)) {
      append(text.slice(position, match.index), line);
      position = match.index + match[0].length;
      const closing = match[1] === '/';
      const name = (match[2] ?? '').toLowerCase();
      if (name === 'top') {
        if (closing) close();
        else start(line);
      } else if (closing) {
        field = undefined;
      } else if (name === 'num') {
        // A second <num> in one topic means the previous topic lost its </top>.
        const topic = open && open.numLine === undefined ? open : start(line);
        topic.numLine = line;
        field = 'num';
      } else if (name === 'title') {
        const topic = open ?? start(line);
        if (topic.titleLine === undefined) {
          topic.titleLine = line;
          field = 'title';
        } else {
          issues.add('second title', { severity: 'warning', line, message: `Line ${line} starts a second <title> in the topic that begins on line ${topic.startLine}. The first title is kept.` });
          field = 'extra title';
        }
      } else {
        field = name;
      }
    }
    append(text.slice(position), line);
    append('\n', line);
  });
  close();
  if (topics.length === 0 && !lines.some((text) => /<(num|title)\b/i.test(text))) {
    issues.add('no topics', { severity: 'error', message: 'The file holds no topics at all: no <num> or <title> tag was found. A classic topic looks like <top> <num> Number: 301 <title> query text </top>.' });
  }
}

function collapse(parts: readonly string[]): string {
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function finishTopic(topic: OpenTopic, issues: IssueList, topics: Topic[]): void {
  if (topic.numLine === undefined) {
    if (topic.titleLine === undefined) return; // an empty <top></top>: nothing to report
    const line = topic.startLine;
    issues.add('no <num>', { severity: 'error', line, message: `The topic starting on line ${line} has no <num>, so it has no query id. Add "<num> Number: 301" (any id) to it. It was skipped.` });
    return;
  }
  const id = collapse(topic.num).replace(/^number\s*:\s*/i, '');
  if (id === '') {
    const line = topic.numLine;
    issues.add('empty <num>', { severity: 'error', line, message: `Line ${line}: the <num> of this topic holds no id. Write it as "<num> Number: 301". The topic was skipped.` });
    return;
  }
  const text = collapse(topic.title).replace(/^topic\s*:\s*/i, '');
  if (text === '') {
    const line = topic.titleLine ?? topic.numLine;
    const what = topic.titleLine === undefined ? 'has no <title>' : 'has an empty <title>';
    issues.add('no title', { severity: 'error', line, message: `Line ${line}: topic ${quote(id)} ${what}, and the title is the query text. The topic was skipped.` });
    return;
  }
  topics.push({ id, text, line: topic.numLine });
}
