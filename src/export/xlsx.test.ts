import { unzipSync, strFromU8 } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { testTable } from './test-table';
import { PERCENT_FORMAT, toXlsx, VALUE_FORMAT } from './xlsx';

async function exported(lang: 'vi' | 'en') {
  const table = testTable(lang);
  const blob = await toXlsx(table);
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return { table, bytes, sheets: await readXlsxFile(Buffer.from(bytes)) };
}

// The style index (s="…") of each cell of the first sheet, by reference ("C5"), and the number format of each style.
function cellFormats(bytes: Uint8Array): (ref: string) => string | undefined {
  const files = unzipSync(bytes);
  const styles = strFromU8(files['xl/styles.xml']!);
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
  const numFmts = new Map(
    [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
  );
  // Every <xf> in order, with or without a number format: a cell's s="…" indexes this list.
  const xfs = [...(styles.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)?.[1] ?? '').matchAll(/<xf\b([^>]*)>/g)].map(
    (m) => m[1]!.match(/numFmtId="(\d+)"/)?.[1],
  );
  const styleOf = new Map(
    [...sheet.matchAll(/<c r="([A-Z]+\d+)"[^>]*?\bs="(\d+)"/g)].map((m) => [m[1]!, Number(m[2])]),
  );
  return (ref) => {
    const id = xfs[styleOf.get(ref) ?? -1];
    return id === undefined ? undefined : numFmts.get(id);
  };
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

describe('toXlsx', () => {
  it('is read back by an independent reader with the table values as numbers', async () => {
    const { table, sheets } = await exported('vi');
    expect(sheets.map((s) => s.sheet)).toEqual(['Kịch bản', 'Nguồn']);
    const data = sheets[0]!.data;
    expect(data[0]).toEqual(['Chỉ tiêu', 'Mã', ...table.years]);
    for (const id of ['grdp', 'manufacturing', 'manufacturing.growth', 'manufacturing.share']) {
      const row = data.find((r) => r[1] === id)!;
      expect(row, id).toBeDefined();
      for (const year of [2025, 2030]) {
        const value = row[2 + table.years.indexOf(year)];
        expect(typeof value).toBe('number');
        const cell = table.rows.find((r) => r.id === id)!.cells[table.years.indexOf(year)];
        expect(value as number).toBeCloseTo(cell as number, 9);
      }
    }
    expect(data.find((r) => r[1] === 'manufacturing.growth')![0]).toBe('Tăng trưởng Công nghiệp chế biến, chế tạo');
  });

  it('leaves a year without a target empty and keeps a target of 0 as 0', async () => {
    const target = {
      id: 'share_target',
      label: 'Mục tiêu tỷ trọng',
      format: 'percent',
      group: 'targets',
      cells: [null, null, 0, null, 0.3],
    } as const;
    const table = testTable('vi', [target]);
    const [data] = await readXlsxFile(Buffer.from(await (await toXlsx(table)).arrayBuffer()));
    expect(data!.data.find((r) => r[1] === 'share_target')!.slice(2)).toEqual([null, null, 0, null, 0.3]);
  });

  it('gives percent rows a percent format and value rows a thousands format', async () => {
    const { table, bytes } = await exported('en');
    const formatOf = cellFormats(bytes);
    const col = columnName(2 + table.years.indexOf(2030));
    const line = (id: string) => 2 + table.rows.findIndex((r) => r.id === id);
    expect(formatOf(`${col}${line('manufacturing.growth')}`)).toBe(PERCENT_FORMAT);
    expect(formatOf(`${col}${line('manufacturing.share')}`)).toBe(PERCENT_FORMAT);
    expect(formatOf(`${col}${line('grdp')}`)).toBe(VALUE_FORMAT);
  });

  it('lists every sourced cell on the second sheet', async () => {
    const { table, sheets } = await exported('en');
    const sources = sheets[1]!;
    expect(sources.sheet).toBe('Sources');
    expect(sources.data[0]).toEqual(['Cell', 'Indicator', 'Year', 'Source', 'Assumption']);
    expect(sources.data).toHaveLength(table.sources.length + 1);
    const row = sources.data.find((r) => r[0] === 'manufacturing.growth@2025')!;
    expect(row[2]).toBe(2025);
    expect(row[4]).toBe('Yes');
  });
});
