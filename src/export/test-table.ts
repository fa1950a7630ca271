import type { Locale } from '../engine';
import { translate } from '../i18n';
import { exportHeadings, type ExportRow, type ExportTable } from './table';

const NAMES = {
  vi: { manufacturing: 'Công nghiệp chế biến, chế tạo', growth: 'Tăng trưởng Công nghiệp chế biến, chế tạo' },
  en: { manufacturing: 'Manufacturing', growth: 'Manufacturing growth' },
} as const;

/** A small exported scenario shaped like the template's, for the writers' tests; `extra` rows go at the end. */
export function testTable(locale: Locale, extra: readonly ExportRow[] = []): ExportTable {
  const names = NAMES[locale];
  return {
    locale,
    name: 'Kịch bản: CBCT 20%/năm',
    years: [2022, 2023, 2024, 2025, 2030],
    columnKinds: ['history', 'base', 'projection', 'projection', 'projection'],
    rows: [
      {
        id: 'manufacturing',
        label: names.manufacturing,
        format: 'number',
        group: 'sectors',
        cells: [null, 38_843.4, 46_786.77, 54_740.52, 136_215.43],
      },
      {
        id: 'manufacturing.growth',
        label: names.growth,
        format: 'percent',
        group: 'sectors',
        cells: [null, null, 0.2045, 0.17, 0.2],
      },
      {
        id: 'manufacturing.share',
        label: `${names.manufacturing} %`,
        format: 'percent',
        group: 'shares',
        cells: [0.118, 0.123, 0.1352, 0.1468, 0.2361],
      },
      {
        id: 'grdp',
        label: 'GRDP',
        format: 'number',
        group: 'totals',
        cells: [null, 315_800, 346_043.123456789, 372_884.5, 577_123.4567891234],
      },
      { id: 'icor', label: 'ICOR', format: 'number', group: 'custom', cells: [null, null, '#NAME?', 4.5, 4.5] },
      ...extra,
    ],
    sources: [
      {
        key: 'manufacturing@2023',
        id: 'manufacturing',
        year: 2023,
        label: names.manufacturing,
        text: '12,3% × 315.800',
        assumption: false,
      },
      {
        key: 'manufacturing.growth@2025',
        id: 'manufacturing.growth',
        year: 2025,
        label: names.growth,
        text: 'Giả định',
        assumption: true,
      },
    ],
    headings: exportHeadings((key) => translate(locale, key)),
  };
}
