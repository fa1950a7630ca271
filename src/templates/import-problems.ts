import type { TableImportKey } from '../i18n/table-import';

/**
 * The message key of an import problem, translated by the import dialog with translateTableImport (its texts load
 * with the dialog, not at start) and its args.
 */
export type ImportProblemKey = TableImportKey;

/** Something an import could not read or had to assume, as a value: a key, its args and where. */
export interface ImportProblem {
  readonly key: ImportProblemKey;
  /** An error leaves no template; a warning says what was left out or assumed. */
  readonly level: 'error' | 'warning';
  /** The cell as Excel shows it ("C7"), where there is one; the args carry it too, as `cell`. */
  readonly cell?: string;
  readonly args: Readonly<Record<string, string | number>>;
}

/** Collects the problems of one import as they are found. */
export class ProblemList {
  readonly list: ImportProblem[] = [];

  /** A problem that leaves no template. */
  error(key: ImportProblemKey, at?: string, args: Record<string, string | number> = {}): void {
    this.list.push(problem('error', key, at, args));
  }

  /** Something left out or assumed; the template is still made. */
  warn(key: ImportProblemKey, at?: string, args: Record<string, string | number> = {}): void {
    this.list.push(problem('warning', key, at, args));
  }

  /** Whether any problem is an error. */
  get failed(): boolean {
    return this.list.some((p) => p.level === 'error');
  }
}

function problem(
  level: ImportProblem['level'],
  key: ImportProblemKey,
  at: string | undefined,
  args: Record<string, string | number>,
): ImportProblem {
  return at === undefined ? { key, level, args } : { key, level, cell: at, args: { ...args, cell: at } };
}
