import { PAGE_SIZE } from '../graph/page';

/**
 * Field complexity for a list bounded by a page size: its sub-selection counts as many times as
 * the page can hold (`first`, else `last`, else the default page size).
 */
export function pageComplexity(...argNames: readonly string[]) {
  const names = argNames.length > 0 ? argNames : ['first', 'last'];
  return (args: Record<string, unknown>) => {
    const size = names.map((name) => args[name]).find((n) => typeof n === 'number' && n > 0);
    return { field: 1, multiplier: typeof size === 'number' ? size : PAGE_SIZE.default };
  };
}
