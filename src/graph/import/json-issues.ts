/** Problems zod finds in an imported JSON document, placed by JSON pointer (`/organizations/3/id`). */
import type { z } from 'zod';
import type { SeedIssue } from '../seed-error';

export const jsonPointer = (path: readonly PropertyKey[]): string =>
  path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('') || '/';

export function zodIssues(file: string, error: z.ZodError): SeedIssue[] {
  return error.issues.map((issue) => ({
    file,
    line: 0,
    column: 0,
    field: jsonPointer(issue.path),
    message: issue.message,
  }));
}

export const pointerPlace = (file: string, ...path: PropertyKey[]) => ({
  file,
  line: 0,
  column: 0,
  field: jsonPointer(path),
});
