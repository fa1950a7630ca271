import { ProblemList, type ImportProblem } from './import-problems';
import { findHeaderRow } from './table-layout';

/** Largest .xlsx file read, and the most its XML parts may hold once unpacked (a zip bomb stops there). */
export const XLSX_LIMITS = { fileBytes: 10_000_000, unpackedBytes: 60_000_000 } as const;

/** A sheet read from a workbook, or why none was. */
export type XlsxRead =
  | { readonly ok: true; readonly rows: unknown[][]; readonly sheet: string; readonly sheets: readonly string[] }
  | { readonly ok: false; readonly problem: ImportProblem };

/**
 * Reads one sheet of an .xlsx file as rows of cell values (text, numbers, booleans, dates, null): the sheet named,
 * else the first whose header the import recognises, else the first. The reader (read-excel-file) and the unzipper
 * are loaded on first use, so neither weighs on the app's start. A file that is not a workbook is a problem, not
 * an exception.
 */
export async function readXlsx(file: Blob | ArrayBuffer, sheet?: string): Promise<XlsxRead> {
  const size = file instanceof Blob ? file.size : file.byteLength;
  if (size > XLSX_LIMITS.fileBytes) return failed('tableImport.fileTooLarge', { size: XLSX_LIMITS.fileBytes / 1e6 });
  const bytes = new Uint8Array(file instanceof Blob ? await file.arrayBuffer() : file);
  const stored = await storedCopy(bytes);
  if (stored === 'tooLarge') return failed('tableImport.fileTooLarge', { size: XLSX_LIMITS.fileBytes / 1e6 });
  if (!stored) return failed('tableImport.unreadableFile');
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    const { default: readXlsxFile } = await import('read-excel-file/universal');
    sheets = await readXlsxFile(stored.slice().buffer);
  } catch {
    // Whatever the reader could not read (a damaged or encrypted workbook) is a file it cannot read.
    return failed('tableImport.unreadableFile');
  }
  const names = sheets.map((s) => s.sheet);
  const chosen =
    sheet === undefined
      ? (sheets.find((s) => findHeaderRow(s.data) !== undefined) ?? sheets[0])
      : sheets.find((s) => s.sheet === sheet);
  if (!chosen)
    return sheet === undefined ? failed('tableImport.unreadableFile') : failed('tableImport.noSheet', { sheet });
  return { ok: true, rows: chosen.data, sheet: chosen.sheet, sheets: names };
}

function failed(key: ImportProblem['key'], args: Record<string, string | number> = {}): XlsxRead {
  const problems = new ProblemList();
  problems.error(key, undefined, args);
  return { ok: false, problem: problems.list[0]! };
}

/**
 * The workbook's XML parts, unpacked here and packed again without compression. The reader unzips large compressed
 * parts (over 512 KB) in a Web Worker made from a blob: address, which the app's content security policy
 * (worker-src 'self') refuses, so such a file would never be read; stored parts it copies as they are. Unpacking
 * here also refuses a file whose parts say they unpack to more than the limit. 'tooLarge' past the limit, undefined for a file that is no zip.
 */
export async function storedCopy(bytes: Uint8Array): Promise<Uint8Array | 'tooLarge' | undefined> {
  const { unzipSync, zipSync } = await import('fflate');
  let unpacked = 0;
  try {
    const parts = unzipSync(bytes, {
      // Only the XML parts are read; pictures and printer settings are left packed.
      filter: (part) => {
        if (!/\.xml(\.rels)?$/.test(part.name)) return false;
        unpacked += part.originalSize;
        return unpacked <= XLSX_LIMITS.unpackedBytes;
      },
    });
    if (unpacked > XLSX_LIMITS.unpackedBytes) return 'tooLarge';
    return zipSync(parts, { level: 0 });
  } catch {
    return undefined;
  }
}
