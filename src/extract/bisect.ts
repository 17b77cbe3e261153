// Offsets looked up by bisection in lists sorted by position, so that work per lookup stays
// logarithmic however long the article is.

/** The index of the last item whose key is at or before `at` (items sorted by key), or -1. */
export function lastIndexAtOrBefore<T>(items: readonly T[], at: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) <= at) [found, lo] = [mid, mid + 1];
    else hi = mid - 1;
  }
  return found;
}

/** The index of the first item whose key is at or after `at` (items sorted by key); `items.length` when none. */
export function firstIndexAtOrAfter<T>(items: readonly T[], at: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
