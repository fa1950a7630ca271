import type { Scenario } from '../engine';
import type { Template } from '../templates';
import { readRecord, type Quarantined, type StoredScenario } from '../storage';

/** The format of an exported file. */
export const EXPORT_FORMAT = 'grdp-scenarios';
/** The version of the export format this app writes and reads. */
export const EXPORT_VERSION = 1;
/** Largest import file read, in characters. */
export const MAX_IMPORT = 20_000_000;

/** Why an export file could not be read. */
export type ImportError = 'tooLarge' | 'notJson' | 'notExport' | 'version';

/**
 * What an address hash holds after "#", or undefined when it holds nothing: any text there was meant as a link,
 * so one that holds no scenario ("#hello") is reported rather than passed over in silence.
 */
export function linkFragment(hash: string): string | undefined {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  return body.trim() === '' ? undefined : body;
}

/** Whether a fragment is shaped like a share link ("s1.…"), as opposed to text that holds no scenario at all. */
export function isShareFragment(fragment: string): boolean {
  return /^s\d/.test(fragment);
}

/**
 * The JSON text of an export file holding the given records, stamped with the time of export, and the planner's own
 * templates they were made from (a receiver has no copy of those; built-in ones are named, not carried).
 */
export function exportText(
  records: readonly StoredScenario[],
  exportedAt: Date,
  templates: readonly Template[] = [],
): string {
  const file = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: exportedAt.toISOString() };
  const carried = templates.length ? { templates } : {};
  return JSON.stringify({ ...file, scenarios: records, ...carried }, null, 1);
}

/** The damaged records set aside, as a JSON file the planner can keep or send for repair. */
export function damagedText(quarantined: readonly Quarantined[]): string {
  return JSON.stringify({ format: `${EXPORT_FORMAT}-damaged`, records: quarantined }, null, 1);
}

/** Reads an export file: its valid records and how many were not. */
export function parseExport(
  text: string,
): { ok: true; valid: StoredScenario[]; invalid: number; templates: unknown[] } | { ok: false; error: ImportError } {
  if (text.length > MAX_IMPORT) return { ok: false, error: 'tooLarge' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'notJson' };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, error: 'notExport' };
  }
  const { version, scenarios, templates } = data as { version?: unknown; scenarios?: unknown; templates?: unknown };
  if (version !== EXPORT_VERSION || !Array.isArray(scenarios)) return { ok: false, error: 'version' };
  const valid: StoredScenario[] = [];
  let invalid = 0;
  for (const item of scenarios) {
    const read = readRecord(item);
    if (read.ok) valid.push(read.record);
    else invalid++;
  }
  // The importer reads the templates (readTemplate), loading their validation only when a file holds some.
  return { ok: true, valid, invalid, templates: Array.isArray(templates) ? templates : [] };
}

/** A name not yet taken: the name itself, else the first free "name 2", "name 3"… */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let k = 2; ; k++) if (!taken.has(`${name} ${k}`)) return `${name} ${k}`;
}

/** The scenario under another name. */
export function renamed(scenario: Scenario, name: string): Scenario {
  return { ...scenario, meta: { ...scenario.meta, name } };
}
