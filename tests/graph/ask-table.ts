/** The question table of ask-table.yaml, typed. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface AskRow {
  q: string;
  intent: string;
  units?: string[];
  unitSet?: string[];
  count?: number;
  date?: string;
  events?: string[];
  topics?: string[];
  posts?: string[];
  verdict?: string;
  notStated?: boolean;
}

export const TABLE = parse(
  readFileSync(new URL('./ask-table.yaml', import.meta.url), 'utf8'),
) as Record<'en' | 'fr', AskRow[]>;
