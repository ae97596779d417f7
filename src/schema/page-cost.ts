import { PAGE_SIZE } from '../graph/page';

/** Field complexity for a list bounded by a page-size argument: its sub-selection counts `n` times. */
export function pageComplexity(arg = 'first') {
  return (args: Record<string, unknown>) => {
    const n = args[arg];
    return { field: 1, multiplier: typeof n === 'number' && n > 0 ? n : PAGE_SIZE.default };
  };
}
