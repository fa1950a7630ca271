import type { LocaleState } from '../state/locale.svelte';
import type { Sheet } from '../state/sheet.svelte';
import { csvBlob } from './csv';
import { buildTable, fileName } from './table';

export { buildTable, fileName, type ExportTable, type ExportRow, type ExportCell, type ExportSource } from './table';
export { toCsv, csvBlob, csvCell, BOM, CSV_STYLE } from './csv';

/** The files the export menu offers. */
export type ExportKind = 'csv' | 'xlsx' | 'png';

/** A finished export: the file name to save under and its content. */
export interface ExportFile {
  readonly name: string;
  readonly blob: Blob;
}

/**
 * Builds one export of the open scenario in the current language. The XLSX writer and the chart
 * renderer are loaded on first use, so neither weighs on the app's start.
 */
export async function exportFile(kind: ExportKind, sheet: Sheet, locale: LocaleState): Promise<ExportFile> {
  const name = sheet.scenario.meta.name;
  if (kind === 'png') {
    const { chartPng } = await import('./png');
    return { name: fileName(name, 'png'), blob: await chartPng(sheet, locale) };
  }
  const table = buildTable(sheet, locale);
  if (kind === 'csv') return { name: fileName(name, 'csv'), blob: csvBlob(table) };
  const { toXlsx } = await import('./xlsx');
  return { name: fileName(name, 'xlsx'), blob: await toXlsx(table) };
}
