import type { ChartInput } from '../charts/scenario-options';
import { csvBlob } from './csv';
import type { PngTexts } from './png';
import { fileName, type ExportTable } from './table';

export {
  exportHeadings,
  fileName,
  type ExportTable,
  type ExportRow,
  type ExportCell,
  type ExportSource,
  type ExportHeadings,
} from './table';
export { toCsv, csvBlob, csvCell, BOM, CSV_STYLE } from './csv';
export type { PngTexts } from './png';

/** The files the export menu offers. */
export type ExportKind = 'csv' | 'xlsx' | 'png';

/** A finished export: the file name to save under and its content. */
export interface ExportFile {
  readonly name: string;
  readonly blob: Blob;
}

/** What the exports of one scenario are made from, all plain and already translated. */
export interface ExportInput {
  /** The scenario's name, which names the files. */
  readonly name: string;
  readonly table: ExportTable;
  readonly chart: ChartInput;
  readonly texts: PngTexts;
}

/**
 * Builds one export of a scenario. The XLSX writer and the chart renderer are loaded on first use, so
 * neither weighs on the app's start.
 */
export async function exportFile(kind: ExportKind, input: ExportInput): Promise<ExportFile> {
  if (kind === 'png') {
    const { chartPng } = await import('./png');
    return { name: fileName(input.name, 'png'), blob: await chartPng(input.chart, input.texts) };
  }
  if (kind === 'csv') return { name: fileName(input.name, 'csv'), blob: csvBlob(input.table) };
  const { toXlsx } = await import('./xlsx');
  return { name: fileName(input.name, 'xlsx'), blob: await toXlsx(input.table) };
}
