import { describe, expect, it } from 'vitest';
import { BUILTIN, evaluate, sectorVar, structureVar, validateScenario, withInput } from '../engine';
import { exampleTable } from './example-table';
import { importTable, type ImportResult } from './import-table';
import { quangNinh } from './quang-ninh';
import { quangNinh2025 } from './quang-ninh-2025';
import { differences } from './table-fixtures';

const read = (cells: unknown, locale: 'vi' | 'en' = 'vi'): ImportResult =>
  importTable(cells, { locale, id: 'imported' });

describe('importTable: a template read back from its example table', () => {
  it.each([
    ['vi', quangNinh2025.id],
    ['en', quangNinh2025.id],
    ['vi', quangNinh.id],
    ['en', quangNinh.id],
  ] as const)('in %s gives %s with the same numbers in every variable and year and the same sources', (locale, id) => {
    const t = [quangNinh2025, quangNinh].find((template) => template.id === id)!;
    const result = read(exampleTable(t, locale), locale);
    expect(result.problems).toEqual([]);
    expect(differences(t, result.template!, locale)).toEqual([]);
  });

  it('would be told apart from one with another growth rate or another source', () => {
    const imported = read(exampleTable(quangNinh2025, 'vi')).template!;
    const growth = sectorVar(imported.scenario.meta.focus, 'growth');
    const edited = { ...imported, scenario: withInput(imported.scenario, growth, 2027, 0.21) };
    expect(differences(quangNinh2025, edited, 'vi').join('\n')).toContain('manufacturing 2027');
    const key = Object.keys(imported.sources).find((k) => k.startsWith(`${growth}@2027`))!;
    const resourced = { ...imported, sources: { ...imported.sources, [key]: { text: 'khác' } } };
    expect(differences(quangNinh2025, resourced, 'vi')).toContainEqual(expect.stringContaining('source'));
  });

  it('keeps the settings: province, base year, horizon, focus sector, per capita rows', () => {
    const { scenario, label } = read(exampleTable(quangNinh2025, 'vi')).template!;
    expect(scenario.meta).toMatchObject({ name: 'Quảng Ninh', region: 'Quảng Ninh', baseYear: 2025, horizon: 2030 });
    expect(scenario.meta.focus).toBe('cong_nghiep_che_bien_che_tao');
    expect(scenario.meta.perCapita).toEqual({ population: 'population', usdRate: 'usd_rate' });
    expect(label).toEqual({ vi: 'Quảng Ninh (năm gốc 2025)', en: 'Quảng Ninh (base year 2025)' });
  });
});

// Quảng Ninh's 2025 sectors with "other industry and construction" split in three, as a planner types them in a
// Vietnamese CSV: text numbers with decimal commas and dots for thousands, percentages with and without "%".
const SPLIT = [
  ['Mẫu tỉnh: Quảng Ninh, ngành công nghiệp tách ba'],
  [],
  ['Chỉ tiêu', 'Ngành', 'Khu vực', '2024', 'Năm 2025', '2026', '2027', '2028', '2029', '2030', 'Nguồn', 'Giả định'],
  ['Tỉnh', 'Quảng Ninh'],
  ['Năm gốc', '2025'],
  ['Ngành trọng tâm', 'Công nghiệp chế biến, chế tạo'],
  ['Giá trị tăng thêm', 'Nông, lâm nghiệp và thủy sản', 'I', '', '17.059', '', '', '', '', '', 'Znews'],
  ['Giá trị tăng thêm', 'Công nghiệp chế biến, chế tạo', 'II', '', '51.352', '', '', '', '', '', 'ước tính', 'x'],
  ['Giá trị tăng thêm', 'Khai khoáng', 'II', '', '71.000', '', '', '', '', '', 'giả định', 'có'],
  ['Giá trị tăng thêm', 'Sản xuất và phân phối điện, nước', 'II', '', '14.796', '', '', '', '', '', 'giả định', 'có'],
  ['Giá trị tăng thêm', 'Xây dựng', 'II', '', '33.000', '', '', '', '', '', 'giả định', 'có'],
  ['Giá trị tăng thêm', 'Dịch vụ', 'III', '', '138.456'],
  ['Giá trị tăng thêm', 'Thuế sản phẩm', 'Thuế', '', '42.782'],
  ['Tốc độ tăng trưởng', 'Nông, lâm nghiệp và thủy sản', '', '0,08%', '3,85%', '3%', '3%', '3%', '3%', '3%'],
  ['Tốc độ tăng trưởng', 'Công nghiệp chế biến, chế tạo', '', '20,45', '', '20', '20', '20', '20', '20'],
  ['Tốc độ tăng trưởng', 'Khai khoáng', '', '', '', '0%', '-1%', '-1%', '-1%', '-1%', 'than đi ngang', 'x'],
  ['Tốc độ tăng trưởng', 'Sản xuất và phân phối điện, nước', '', '', '', '8%', '8%', '8%', '8%', '8%'],
  ['Tốc độ tăng trưởng', 'Xây dựng', '', '', '', '0,1', '0,1', '0,1', '0,1', '0,1'],
  ['Tốc độ tăng trưởng', 'Dịch vụ', '', '', '', '12%', '12%', '12%', '12%', '12%'],
  ['Tốc độ tăng trưởng', 'Thuế sản phẩm', '', '', '', '8%', '8%', '8%', '8%', '8%'],
  ['Tốc độ tăng trưởng GRDP', '', '', '8,42%', '11,89%', '', '', '', '', '', 'Cục Thống kê'],
  ['Mục tiêu tỷ trọng', '', '', '', '', '', '', '', '', '30%', 'Nghị quyết 01-NQ/TU'],
];

describe('importTable: a split of other industry into three sectors, typed as rows', () => {
  const result = read(SPLIT);
  const scenario = result.template!.scenario;
  const evaluation = evaluate(scenario)!;

  it('imports without a problem, each sector under an identifier made from its Vietnamese name', () => {
    expect(result.problems).toEqual([]);
    expect(scenario.rows.filter((r) => r.kind === 'sector').map((r) => r.id)).toEqual([
      'nong_lam_nghiep_va_thuy_san',
      'cong_nghiep_che_bien_che_tao',
      'khai_khoang',
      'san_xuat_va_phan_phoi_dien_nuoc',
      'xay_dung',
      'dich_vu',
      'thue_san_pham',
    ]);
    expect(validateScenario(scenario).ok).toBe(true);
  });

  it('reads Vietnamese numbers: 17.059 is seventeen thousand, 3,85% and 0,1 and 20 are percentages', () => {
    const agriculture = scenario.rows.find((r) => r.id === 'nong_lam_nghiep_va_thuy_san');
    expect(agriculture).toMatchObject({ base: 17059, group: 'agriculture', growth: { 2026: 0.03 } });
    expect(scenario.history[sectorVar('nong_lam_nghiep_va_thuy_san', 'growth')]).toEqual({
      2024: 0.0008,
      2025: 0.0385,
    });
    expect(scenario.history[sectorVar('cong_nghiep_che_bien_che_tao', 'growth')]).toEqual({ 2024: 0.2045 });
    expect(scenario.rows.find((r) => r.id === 'xay_dung')).toMatchObject({ growth: { 2030: 0.1 } });
    expect(scenario.rows.find((r) => r.id === 'khai_khoang')).toMatchObject({ growth: { 2027: -0.01 } });
  });

  it('evaluates: GRDP is the sum of the seven, industry and construction the four of group II', () => {
    const bases = [17059, 51352, 71000, 14796, 33000, 138456, 42782];
    const total = bases.reduce((a, b) => a + b, 0);
    expect(evaluation.value(BUILTIN.grdp, 2025)).toBe(total);
    expect(evaluation.value(structureVar('industry'), 2025)).toBeCloseTo((51352 + 71000 + 14796 + 33000) / total, 12);
    expect(evaluation.value(sectorVar('khai_khoang', 'growth'), 2027)).toBe(-0.01);
    expect(evaluation.value(BUILTIN.grdpGrowth, 2030)).toBeGreaterThan(0.05);
    expect(evaluation.headline.finalShareTarget).toMatchObject({ year: 2030, threshold: 0.3 });
  });

  it('keeps each row source on its figures, marked as an assumption where the row says so', () => {
    const sources = result.template!.sources;
    expect(sources['khai_khoang@2025']).toEqual({ text: 'giả định', assumption: true });
    expect(sources['khai_khoang.growth@2027']).toEqual({ text: 'than đi ngang', assumption: true });
    expect(sources['grdp_growth@2024']).toEqual({ text: 'Cục Thống kê' });
    expect(sources['share_target@2030']).toEqual({ text: 'Nghị quyết 01-NQ/TU' });
    expect(sources['dich_vu@2025']).toBeUndefined();
  });

  it('makes the share target of the focus sector when the target row names none', () => {
    expect(scenario.rows.find((r) => r.kind === 'target')).toMatchObject({
      id: 'share_target',
      of: sectorVar('cong_nghiep_che_bien_che_tao', 'share'),
      cells: { 2030: 0.3 },
    });
  });

  it('previews what it read: the header row, years, sectors with base and group, and each row', () => {
    expect(result.preview).toMatchObject({ headerRow: 3, region: 'Quảng Ninh', baseYear: 2025, horizon: 2030 });
    expect(result.preview.years).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(result.preview.sectors[2]).toEqual({ name: 'Khai khoáng', base: 71000, group: 'industry' });
    expect(result.preview.rows[0]).toEqual({
      row: 7,
      indicator: 'value',
      sector: 'Nông, lâm nghiệp và thủy sản',
      figures: 1,
    });
    expect(result.preview.rows.at(-1)).toEqual({ row: 22, indicator: 'shareTarget', figures: 1 });
  });
});

describe('importTable: what a planner may type', () => {
  const table = (rows: unknown[][], header: unknown[] = ['Chỉ tiêu', 'Ngành', 2025, 2026]) => [
    header,
    ['Năm gốc', 2025],
    ...rows,
  ];
  const growthOf = (rows: unknown[][], locale: 'vi' | 'en' = 'vi', header?: unknown[]) => {
    const r = read(table([['Giá trị tăng thêm', 'A', 100], ...rows], header), locale);
    return r.template?.scenario.rows.find((row) => row.kind === 'sector' && row.id === 'a');
  };

  it.each([
    ['6.5% as text', '6,5%', 'vi'],
    ['6,5 as text in a percent row', '6,5', 'vi'],
    ['0,065 as text', '0,065', 'vi'],
    ['6.5 as text in English', '6.5', 'en'],
    ['6.5% as text in English', '6.5%', 'en'],
    ['the number 0.065 (a percent-formatted cell)', 0.065, 'vi'],
    ['the number 6.5 (a general cell)', 6.5, 'vi'],
  ] as const)('reads %s as 6.5%', (_, cell, locale) => {
    expect(growthOf([['Tốc độ tăng trưởng', 'A', null, cell]], locale)).toMatchObject({ growth: { 2026: 0.065 } });
  });

  it('reads English headers and indicator names, a combined header, and names typed without marks', () => {
    const header = ['Indicator', 'Sector', 'Year 2025', '2026 (plan)', 'Nguồn / Source', 'Assumption'];
    const result = read(
      [
        ['GRDP scenario, province X'],
        header,
        ['Base year', 2025],
        ['Value added', 'Mining', 100, null, 'Statistics office'],
        ['toc do tang truong', 'mining', null, 0.05, 'plan', 'yes'],
      ],
      'en',
    );
    expect(result.problems).toEqual([]);
    expect(result.template!.scenario.rows[0]).toMatchObject({ id: 'mining', base: 100, growth: { 2026: 0.05 } });
    expect(result.template!.sources['mining.growth@2026']).toEqual({ text: 'plan', assumption: true });
  });

  it('gives a marked assumption without a source a generic note', () => {
    const header = ['Chỉ tiêu', 'Ngành', 2025, 2026, 'Nguồn', 'Giả định'];
    const rows = [
      ['Giá trị tăng thêm', 'A', 100],
      ['Tốc độ tăng trưởng', 'A', null, 0.1, null, 'x'],
    ];
    const r = read(table(rows, header));
    expect(r.template!.sources['a.growth@2026']).toEqual({
      text: { vi: 'giả định', en: 'assumption' },
      assumption: true,
    });
  });

  it('takes the same sector in another case or spacing as the same sector', () => {
    const r = read(
      table([
        ['Giá trị tăng thêm', 'Dịch vụ', 100],
        ['Tốc độ tăng trưởng', ' dịch  VỤ ', null, 0.1],
      ]),
    );
    expect(r.problems).toEqual([]);
    expect(r.template!.scenario.rows).toHaveLength(1);
  });
});
