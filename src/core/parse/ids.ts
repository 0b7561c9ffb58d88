import { type IssueCollector, listNumbers } from './issues';

export interface IdRequest {
  item: number;
  /** The id from the input, if any. */
  supplied?: string;
}

/**
 * Gives every document a unique id.
 * - A supplied id is kept on its first use. Later uses are renamed `<id>#2`, `<id>#3`, ... (skipping any
 *   name already taken) and reported: renaming keeps every document, where dropping would lose data.
 * - A missing id becomes `doc_<item>`, by 1-based position among the raw items, so ids stay stable when an
 *   item is skipped. If a supplied id already has that name, the generated one gets a `#2` suffix instead.
 */
export function assignIds(requests: readonly IdRequest[], issues: IssueCollector): string[] {
  const taken = new Set<string>();
  for (const { supplied } of requests) if (supplied !== undefined) taken.add(supplied);

  const firstUseItem = new Map<string, number>();
  // Next suffix to try per base name, so 10,000 copies of one id don't rescan from #2 each time.
  const nextSuffix = new Map<string, number>();
  const freeName = (base: string): string => {
    for (let suffix = nextSuffix.get(base) ?? 2; ; suffix += 1) {
      const name = `${base}#${suffix}`;
      if (!taken.has(name)) {
        taken.add(name);
        nextSuffix.set(base, suffix + 1);
        return name;
      }
    }
  };
  const duplicates = new Map<string, { items: number[]; renamed: string[] }>();
  const generated: { item: number; id: string }[] = [];
  const ids = requests.map(({ item, supplied }) => {
    if (supplied === undefined) {
      const base = `doc_${item}`;
      const id = taken.has(base) ? freeName(base) : base;
      taken.add(id);
      generated.push({ item, id });
      return id;
    }
    if (!firstUseItem.has(supplied)) {
      firstUseItem.set(supplied, item);
      return supplied;
    }
    const renamed = freeName(supplied);
    const entry = duplicates.get(supplied) ?? { items: [], renamed: [] };
    entry.items.push(item);
    entry.renamed.push(renamed);
    duplicates.set(supplied, entry);
    return renamed;
  });

  for (const [id, { items, renamed }] of duplicates) {
    const first = firstUseItem.get(id) ?? 0;
    issues.add('duplicate-id', {
      severity: 'warning',
      item: items[0],
      message:
        `The id "${id}" is used more than once (items ${listNumbers([first, ...items])}). ` +
        `Item ${first} keeps it; the others were renamed ${listNumbers(renamed.map((name) => `"${name}"`))}. Give each document its own id.`,
    });
  }
  // Generating every id is normal (a list of strings); only a mix is worth a word.
  if (generated.length > 0 && generated.length < requests.length) {
    const items = generated.map((entry) => entry.item);
    const names = generated.map((entry) => `"${entry.id}"`);
    issues.add('missing-id', {
      severity: 'warning',
      item: items[0],
      message:
        generated.length === 1
          ? `Item ${items[0]} has no id, so it was given the id ${names[0]}. Add an id if you need a stable one.`
          : `Items ${listNumbers(items)} have no id, so they were given the ids ${listNumbers(names)}. Add ids if you need stable ones.`,
    });
  }
  return ids;
}
