import type { ParseIssue } from './types';

/** Beyond this many issues of one kind, only a count is reported: 10,000 identical warnings help nobody. */
export const MAX_ISSUES_PER_KIND = 20;

/** Collects issues, capping each kind, and returns them errors first. */
export class IssueCollector {
  private readonly listed: ParseIssue[] = [];
  private readonly countByKind = new Map<string, { count: number; severity: ParseIssue['severity'] }>();

  add(kind: string, issue: ParseIssue): void {
    const entry = this.countByKind.get(kind) ?? { count: 0, severity: issue.severity };
    entry.count += 1;
    this.countByKind.set(kind, entry);
    if (entry.count <= MAX_ISSUES_PER_KIND) this.listed.push(issue);
  }

  hasErrors(): boolean {
    return this.listed.some((issue) => issue.severity === 'error');
  }

  finish(): ParseIssue[] {
    const all = [...this.listed];
    for (const { count, severity } of this.countByKind.values()) {
      const hidden = count - MAX_ISSUES_PER_KIND;
      if (hidden > 0) {
        const noun = hidden === 1 ? 'issue' : 'issues';
        all.push({ severity, message: `…and ${hidden} more ${noun} like the ${severity === 'error' ? 'errors' : 'warnings'} above (not listed).` });
      }
    }
    // Stable sort: errors first, each group in input order.
    return [...all.filter((i) => i.severity === 'error'), ...all.filter((i) => i.severity === 'warning')];
  }
}

/** "Item 4 (line 5)" or "Item 4": how messages name a document. */
export function itemLabel(item: number, line?: number): string {
  return line === undefined ? `Item ${item}` : `Item ${item} (line ${line})`;
}

/** "2, 4 and 7", or "2, 4, 7, 9, 12 and 30 more" for long lists. */
export function listNumbers(numbers: readonly (number | string)[], shown = 5): string {
  if (numbers.length <= 1) return numbers.join('');
  if (numbers.length <= shown) return `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
  return `${numbers.slice(0, shown).join(', ')} and ${numbers.length - shown} more`;
}

/** Field names quoted and joined, capped so a message stays readable. */
export function listFieldNames(names: readonly string[], shown = 10): string {
  if (names.length === 0) return 'no fields';
  const quoted = names.slice(0, shown).map((name) => `"${name}"`);
  return names.length > shown ? `${quoted.join(', ')} and ${names.length - shown} more` : quoted.join(', ');
}
