import type { YearCells } from '../engine';
import type { SourceNote } from './types';

/** A published source, in both languages (the same text where it is a name or an address). */
export function cite(vi: string, en = vi): SourceNote {
  return { text: { vi, en } };
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

const ANTT = 'antt.vn/che-bien-che-tao-la-mot-trong-3-tru-cot-cua-cong-nghiep-quang-ninh-371411.htm';

/** Sources of the Quảng Ninh figures recorded to 2023 that every Quảng Ninh template carries. */
export const QUANG_NINH_RECORDED_TO_2023: Readonly<Record<string, SourceNote>> = {
  ...Object.fromEntries(
    [2020, 2021, 2022, 2023].map((y) => [`manufacturing.share@${y}`, cite(`${ANTT} (10/2023)`, `${ANTT} (Oct 2023)`)]),
  ),
  'grdp_growth@2020': cite('en.vietnamplus.vn'),
  'grdp_growth@2021': cite('kinhtedothi.vn'),
  'grdp_growth@2022': cite('kinhtedothi.vn (khoảng 10,28%)', 'kinhtedothi.vn (about 10.28%)'),
  'manufacturing.growth@2020': cite('en.vietnamplus.vn'),
  'manufacturing.growth@2021': cite('kinhtedothi.vn'),
  'manufacturing.growth@2023': cite('tính từ vnbiznews.com', 'derived from vnbiznews.com'),
  'agriculture.growth@2023': cite('english.baoquangninh.vn'),
  'services.growth@2023': cite('english.baoquangninh.vn'),
};
