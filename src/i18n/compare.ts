import { textPart } from './fill';

// Not from './index': importing the start dictionaries' module from a lazy chunk splits the start chunk.

const vi = {
  'compare.title': 'So sánh kịch bản',
  'compare.back': 'Quay lại bảng tính',
  'compare.pick': 'Đánh dấu “So sánh” ở 2–4 kịch bản trong thư viện để so sánh.',
  'compare.measure': 'Chỉ tiêu',
  'compare.share': 'Tỷ trọng {name} năm {year}',
  'compare.growth': 'Tốc độ tăng trưởng GRDP bình quân',
  'compare.firstYear': 'Năm sớm nhất đạt mục tiêu cuối kỳ',
  'compare.grdp': 'GRDP năm {year} (tỷ đồng, giá hiện hành)',
  'compare.diff': 'so với "{name}"',
  'compare.points': '{value} điểm phần trăm',
  'compare.chart': 'Tỷ trọng {name} (nét đậm, trục phải) và GRDP (nét mảnh, trục trái) theo kịch bản',
  'compare.shareSeries': '{scenario} — tỷ trọng',
  'compare.grdpSeries': '{scenario} — GRDP',
  'compare.notReached': 'chưa đạt',
  'compare.perCapita': 'GRDP bình quân đầu người năm {year} (USD)',
  'compare.periodGrdp': 'Tốc độ tăng trưởng GRDP bình quân giai đoạn {from}–{to}',
  'compare.periodFocus': 'Tốc độ tăng trưởng {name} bình quân giai đoạn {from}–{to}',
};

/** Every text key of the comparison. */
export type CompareKey = keyof typeof vi;

const en: Record<CompareKey, string> = {
  'compare.title': 'Compare scenarios',
  'compare.back': 'Back to the sheet',
  'compare.pick': 'Pick 2–4 scenarios in the library (their "Compare" box) to compare them.',
  'compare.measure': 'Measure',
  'compare.share': '{name} share {year}',
  'compare.growth': 'Average GRDP growth',
  'compare.firstYear': 'First year the final target is met',
  'compare.grdp': 'GRDP {year} (bn VND, current prices)',
  'compare.diff': 'vs "{name}"',
  'compare.points': '{value} pp',
  'compare.chart': '{name} share (thick lines, right axis) and GRDP (thin lines, left axis) by scenario',
  'compare.shareSeries': '{scenario} — share',
  'compare.grdpSeries': '{scenario} — GRDP',
  'compare.notReached': 'not reached',
  'compare.perCapita': 'GRDP per capita {year} (USD)',
  'compare.periodGrdp': 'Average GRDP growth {from}–{to}',
  'compare.periodFocus': 'Average {name} growth {from}–{to}',
};

/** The texts of the comparison per language, same keys; only CompareView.svelte imports them, so they load with it. */
export const compareDictionaries = { vi, en };

/** Looks up a text of the comparison and fills its {placeholders}. */
export const translateCompare = textPart(compareDictionaries);
