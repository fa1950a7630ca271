// The terms of the interface as provincial planners write them in their reports, with the English the English
// dictionaries use and the variants the Vietnamese texts must not use. glossary.test.ts holds the Vietnamese
// dictionaries and the templates' Vietnamese texts to it; the README points here.

/** One term: the Vietnamese, the English, where it is used, and the variants rejected (with why, where not obvious). */
export interface GlossaryTerm {
  readonly vi: string;
  readonly en: string;
  readonly where: string;
  /** Variants that must not appear in Vietnamese text, as patterns (case-insensitive). */
  readonly rejected: readonly RegExp[];
  readonly note?: string;
}

/** The glossary both dictionaries follow. */
export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    vi: 'kịch bản',
    en: 'scenario',
    where: 'library, sheet title, comparison, presentation',
    rejected: [],
  },
  {
    vi: 'mẫu tỉnh',
    en: 'province template',
    where: 'New scenario, template dialog, sources',
    rejected: [/như mẫu/i, /giá trị mẫu/i, /số liệu mẫu/i],
    note: '"mẫu" alone reads as sample or dummy data: the template\'s value is "giá trị trong mẫu tỉnh" or "theo mẫu tỉnh"',
  },
  {
    vi: 'bộ mục tiêu',
    en: 'target set',
    where: "the target-set choice above the cards, the template editor's targets tab",
    rejected: [/bộ chỉ tiêu/i],
    note: 'one name for a set of targets; "chỉ tiêu" stays for an indicator row of a spreadsheet',
  },
  {
    vi: 'giả định',
    en: 'assumption',
    where: 'sources, preset choice, template editor',
    rejected: [],
  },
  {
    vi: 'tốc độ tăng trưởng',
    en: 'growth rate',
    where: 'row labels, cards, levers, targets ("tăng trưởng" alone for growth as a subject)',
    rejected: [/mức tăng trưởng/i, /tốc độ tăng(?! trưởng)/i],
  },
  {
    vi: 'tỷ trọng',
    en: 'share',
    where: 'share rows, targets, cards',
    rejected: [/tỉ trọng/i],
  },
  {
    vi: 'điểm phần trăm',
    en: 'percentage points',
    where: 'gaps to a target, comparison, sensitivity',
    rejected: [/điểm %/i, /\d điểm(?! phần trăm)/i],
  },
  {
    vi: 'bình quân giai đoạn 2026–2030',
    en: 'average 2026–2030',
    where: 'average growth over a plan period',
    rejected: [/bình quân \d{4}/i, /bình quân \{(from|start|first)\w*\}/i],
  },
  {
    vi: 'giá so sánh năm 2025 (the year named)',
    en: 'constant 2025 prices',
    where: 'real GRDP and its growth',
    rejected: [/giá so sánh năm gốc/i],
    note: 'planners read "giá so sánh" alone as 2010 prices; name the year',
  },
  {
    vi: 'xác suất',
    en: 'probability, odds',
    where: 'Monte Carlo results, live odds in the presentation',
    rejected: [/khả năng đạt/i, /khả năng xảy ra/i],
  },
  {
    vi: 'mã khởi tạo ngẫu nhiên',
    en: 'random seed',
    where: 'Monte Carlo settings',
    rejected: [/(?<!\{)\bseed\b(?!\})/i, /hạt giống/i],
  },
  {
    vi: 'lần mô phỏng; lấy ngẫu nhiên',
    en: 'simulation run; draw',
    where: 'Monte Carlo',
    rejected: [/rút ngẫu nhiên/i],
  },
  {
    vi: 'tham chiếu vòng',
    en: 'circular reference',
    where: 'formula errors (#CYCLE)',
    rejected: [/vòng lặp/i],
    note: 'the iterations of goal seek are "lần lặp"',
  },
  {
    vi: 'ô',
    en: 'cell',
    where: 'the sheet only; a checkbox is "hộp chọn" or is named by what it marks',
    rejected: [/ô (đánh dấu|chọn|kiểm)/i],
  },
  {
    vi: 'ngày 29 tháng 11 năm 2026',
    en: '29 November 2026',
    where: 'dates in the presentation, handout and exports',
    rejected: [/tháng \d{1,2}, \d{4}/i, /tháng \{\w+\}, \{\w+\}/i],
  },
  {
    vi: 'năm sớm nhất đạt mục tiêu',
    en: 'first year the target is met',
    where: 'goal seek, comparison',
    rejected: [/năm đầu đạt/i],
    note: '"năm đầu" reads as the first year of a period',
  },
  {
    vi: 'không lưu được; không … được',
    en: 'could not save; could not …',
    where: 'failures',
    rejected: [/thất bại/i],
  },
  {
    vi: '(Vietnamese word order and voice)',
    en: '(translated phrasing)',
    where: 'everywhere',
    rejected: [/được tạo bởi/i, /của nó(?![\wà-ỹ])/i, /quay lại kịch bản/i],
    note: 'passive "bởi" and "của nó" read as translations: say who did what, or name the thing',
  },
];
