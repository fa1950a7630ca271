import { unzipSync, zipSync } from 'fflate';
import writeXlsxFile, { type Sheet } from 'write-excel-file/browser';
import { describe, expect, it } from 'vitest';
import { readXlsx, storedCopy, XLSX_LIMITS } from './read-xlsx';

const TABLE = [
  ['Chỉ tiêu', 'Ngành', 2025, 2026],
  ['Năm gốc', 2025, null, null],
  ['Giá trị tăng thêm', 'Khai khoáng', 71000, null],
  ['Tốc độ tăng trưởng', 'Khai khoáng', null, 0.05],
];

const sheet = (name: string, data: unknown[][]): Sheet<Blob> => ({
  sheet: name,
  data: data.map((row) => row.map((value) => (value === null ? null : { value: value as string | number }))),
});

async function workbook(...sheets: Sheet<Blob>[]): Promise<Blob> {
  return writeXlsxFile(sheets).toBlob();
}

describe('readXlsx', () => {
  it('reads the first sheet as rows of numbers and text', async () => {
    const read = await readXlsx(await workbook(sheet('Mẫu', TABLE)));
    expect(read).toEqual({ ok: true, rows: TABLE, sheet: 'Mẫu', sheets: ['Mẫu'] });
  });

  it('reads from an ArrayBuffer as from a File or Blob', async () => {
    const read = await readXlsx(await (await workbook(sheet('Mẫu', TABLE))).arrayBuffer());
    expect(read.ok && read.rows).toEqual(TABLE);
  });

  it('picks the first sheet whose header it recognises, after a sheet of notes', async () => {
    const notes = sheet('Ghi chú', [['Điền bảng ở trang sau'], ['Chỉ tiêu', 'Giá trị']]);
    const read = await readXlsx(await workbook(notes, sheet('Số liệu', TABLE)));
    expect(read).toMatchObject({ ok: true, sheet: 'Số liệu', sheets: ['Ghi chú', 'Số liệu'] });
  });

  it('reads a sheet by its name, and says when there is no such sheet', async () => {
    const file = await workbook(sheet('A', [['x']]), sheet('B', TABLE));
    expect(await readXlsx(file, 'A')).toMatchObject({ ok: true, rows: [['x']] });
    expect(await readXlsx(file, 'C')).toEqual({
      ok: false,
      problem: { key: 'tableImport.noSheet', level: 'error', args: { sheet: 'C' } },
    });
  });

  it.each([
    ['a CSV file', new TextEncoder().encode('Chỉ tiêu;Ngành;2025\r\n')],
    ['no bytes', new Uint8Array(0)],
    ['a zip that is no workbook', zipSync({ 'a.txt': new Uint8Array([1, 2, 3]) })],
    ['a damaged workbook', new Uint8Array(40).fill(0x50)],
  ])('says it cannot read %s', async (_, bytes) => {
    expect(await readXlsx(new Blob([bytes]))).toEqual({
      ok: false,
      problem: { key: 'tableImport.unreadableFile', level: 'error', args: {} },
    });
  });

  it('refuses a file over the size limit without reading it', async () => {
    expect(await readXlsx(new ArrayBuffer(XLSX_LIMITS.fileBytes + 1))).toEqual({
      ok: false,
      problem: { key: 'tableImport.fileTooLarge', level: 'error', args: { size: 10 } },
    });
  });

  it('refuses a small file whose parts would unpack past the limit', async () => {
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(XLSX_LIMITS.unpackedBytes + 1) }, { level: 9 });
    expect(bomb.byteLength).toBeLessThan(200_000);
    expect(await readXlsx(new Blob([bomb]))).toMatchObject({ ok: false, problem: { key: 'tableImport.fileTooLarge' } });
  });

  it('reads a sheet whose part is over 512 KB, which the reader would unpack in a worker the app forbids', async () => {
    const rows = [
      TABLE[0]!,
      ...Array.from({ length: 6000 }, (_, i) => ['Ghi chú', `dòng ${i} ${'x'.repeat(80)}`, i, i]),
    ];
    const file = await workbook(sheet('Lớn', rows));
    const parts: Record<string, { size: number; compression: number }> = {};
    unzipSync(new Uint8Array(await file.arrayBuffer()), {
      filter: (f) => ((parts[f.name] = { size: f.originalSize, compression: f.compression }), false),
    });
    expect(Math.max(...Object.values(parts).map((p) => p.size))).toBeGreaterThan(512 * 1024);
    const read = await readXlsx(file);
    expect(read.ok && read.rows.length).toBe(rows.length);
  });
});

describe('storedCopy', () => {
  it('packs the XML parts again without compression, and leaves the rest out', async () => {
    const packed = zipSync(
      { 'xl/workbook.xml': new TextEncoder().encode('<a/>'.repeat(1000)), 'xl/media/image1.png': new Uint8Array(10) },
      { level: 9 },
    );
    const stored = await storedCopy(packed);
    expect(stored).toBeInstanceOf(Uint8Array);
    const parts: { name: string; compression: number }[] = [];
    unzipSync(stored as Uint8Array, {
      filter: (f) => (parts.push({ name: f.name, compression: f.compression }), false),
    });
    expect(parts).toEqual([{ name: 'xl/workbook.xml', compression: 0 }]);
  });
});
