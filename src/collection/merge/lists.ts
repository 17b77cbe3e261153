// Small list helpers the merge step builds its back-references with.

/** Items by key (an item may have several keys), each list in item order. */
export function index<T>(items: T[], keys: (item: T) => Iterable<string>): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items)
    for (const key of new Set(keys(item))) {
      if (!map.has(key)) map.set(key, []);
      map.get(key)!.push(item);
    }
  return map;
}

/** Distinct values in first-seen order. */
export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}
