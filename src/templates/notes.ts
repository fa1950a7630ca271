import type { YearCells } from '../engine';
import { ANTT, BAOQUANGNINH_2023, KINHTEDOTHI_2021, VIETNAMPLUS_2020, VNBIZ, type Citation } from './publications';
import type { SourceNote } from './types';

/** A published source, in both languages (the same text where it is a name or an address), or a citation. */
export function cite(vi: string | Citation, en?: string): SourceNote {
  return typeof vi === 'string' ? { text: { vi, en: en ?? vi } } : { text: { vi: vi.vi, en: vi.en } };
}

/** An assumption, with the reason for it. */
export function assume(vi: string, en: string): SourceNote {
  return { text: { vi, en }, assumption: true };
}

/** A figure that is not published, derived or estimated from ones that are: an assumption that says so. */
export function estimate(vi: string, en: string): SourceNote {
  return { text: { vi: `ước tính: ${vi}`, en: `estimate: ${en}` }, assumption: true };
}

/** The same input in every year from `from` to `to`. */
export function years(from: number, to: number, value: number | string): YearCells {
  const cells: Record<string, number | string> = {};
  for (let y = from; y <= to; y++) cells[y] = value;
  return cells;
}

/** Sources of the Quảng Ninh figures recorded to 2023 that every Quảng Ninh template carries. */
export const QUANG_NINH_RECORDED_TO_2023: Readonly<Record<string, SourceNote>> = {
  ...Object.fromEntries([2020, 2021, 2022, 2023].map((y) => [`manufacturing.share@${y}`, cite(ANTT)])),
  'grdp_growth@2020': cite(VIETNAMPLUS_2020),
  'grdp_growth@2021': cite(KINHTEDOTHI_2021),
  'grdp_growth@2022': cite(`${KINHTEDOTHI_2021.vi} (khoảng 10,28%)`, `${KINHTEDOTHI_2021.en} (about 10.28%)`),
  'manufacturing.growth@2020': cite(VIETNAMPLUS_2020),
  'manufacturing.growth@2021': cite(KINHTEDOTHI_2021),
  'manufacturing.growth@2023': cite(`tính từ: ${VNBIZ.vi}`, `derived from: ${VNBIZ.en}`),
  'agriculture.growth@2023': cite(BAOQUANGNINH_2023),
  'services.growth@2023': cite(BAOQUANGNINH_2023),
};
