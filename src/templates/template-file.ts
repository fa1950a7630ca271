import type { Template } from './types';
import { readTemplate } from './validate-template';

/** The format of a template file. */
export const TEMPLATE_FILE_FORMAT = 'grdp-template';
/** The version of the template file format this app writes and reads. */
export const TEMPLATE_FILE_VERSION = 1;
/** Largest template file read, in characters. */
export const MAX_TEMPLATE_FILE = 20_000_000;

/** Why a template file could not be read. */
export type TemplateFileError = 'tooLarge' | 'notJson' | 'notTemplateFile' | 'version';

/** The JSON text of a template file holding the given templates, stamped with the time of export. */
export function templateFileText(templates: readonly Template[], exportedAt: Date): string {
  const file = { format: TEMPLATE_FILE_FORMAT, version: TEMPLATE_FILE_VERSION, exportedAt: exportedAt.toISOString() };
  return JSON.stringify({ ...file, templates }, null, 1);
}

/**
 * Reads a template file: its valid templates (texts cleaned) and how many were not, or why it is no template file;
 * never throws. Whether a template may be kept (no built-in id) is the store's to say.
 */
export function parseTemplateFile(
  text: string,
): { templates: Template[]; invalid: number } | { error: TemplateFileError } {
  if (text.length > MAX_TEMPLATE_FILE) return { error: 'tooLarge' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: 'notJson' };
  }
  if (typeof data !== 'object' || data === null) return { error: 'notTemplateFile' };
  const { format, version, templates: items } = data as { format?: unknown; version?: unknown; templates?: unknown };
  if (format !== TEMPLATE_FILE_FORMAT) return { error: 'notTemplateFile' };
  if (version !== TEMPLATE_FILE_VERSION || !Array.isArray(items)) return { error: 'version' };
  const templates: Template[] = [];
  let invalid = 0;
  for (const item of items) {
    const read = readTemplate(item);
    if (read.ok) templates.push(read.template);
    else invalid++;
  }
  return { templates, invalid };
}
