/** A problem in a seed file, with the place a person must look to fix it. */
export interface SeedIssue {
  /** Path of the file as given to the loader (seed dir joined with the file name). */
  readonly file: string;
  /** 1-based line and column; 0 when the problem concerns the whole file. */
  readonly line: number;
  readonly column: number;
  /** The field in the file's own terms, e.g. `units[3].parent`; empty for syntax errors. */
  readonly field: string;
  readonly message: string;
}

export function formatIssue(issue: SeedIssue): string {
  const place = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
  return issue.field ? `${place}: ${issue.field}: ${issue.message}` : `${place}: ${issue.message}`;
}

/** Thrown when a seed directory cannot be loaded; carries every issue found, in file order. */
export class SeedError extends Error {
  readonly issues: readonly SeedIssue[];

  constructor(issues: readonly SeedIssue[]) {
    const sorted = [...issues].sort(
      (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
    );
    const head = `The seed data is invalid (${sorted.length} problem${sorted.length === 1 ? '' : 's'}):`;
    super([head, ...sorted.map((i) => `  ${formatIssue(i)}`)].join('\n'));
    this.name = 'SeedError';
    this.issues = sorted;
  }
}
