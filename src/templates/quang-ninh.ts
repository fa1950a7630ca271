import type { YearCells } from '../engine';
import type { Template } from './types';

const CAFEF = 'cafef.vn (2024 socio-economic results)';
const INFINA = 'congdong.infina.vn (GSO-based 2023 report)';
const ANTT = 'antt.vn/che-bien-che-tao-la-mot-trong-3-tru-cot-cua-cong-nghiep-quang-ninh-371411.htm';
const VNECONOMY = 'vneconomy.vn/quang-ninh-don-luc-phat-trien-cong-nghiep-che-bien-che-tao.htm';

function years(from: number, to: number, value: number): YearCells {
  const cells: Record<string, number> = {};
  for (let y = from; y <= to; y++) cells[y] = value;
  return cells;
}

/** Quảng Ninh, base year 2023: five sectors calibrated from published 2023–2024 figures (see domain.md). */
export const quangNinh: Template = {
  id: 'quang-ninh',
  label: { vi: 'Quảng Ninh (năm gốc 2023)', en: 'Quảng Ninh (base year 2023)' },
  scenario: {
    meta: {
      name: 'Quảng Ninh',
      region: { vi: 'Quảng Ninh', en: 'Quảng Ninh' },
      baseYear: 2023,
      horizon: 2030,
      unit: { vi: 'tỷ đồng', en: 'billion VND' },
      focus: 'manufacturing',
    },
    rows: [
      {
        kind: 'sector',
        id: 'agriculture',
        label: { vi: 'Nông, lâm nghiệp và thủy sản', en: 'Agriculture, forestry and fisheries' },
        base: 14843,
        growth: { 2024: 0.0008, ...years(2025, 2030, 0.03) },
        price: {},
      },
      {
        kind: 'sector',
        id: 'manufacturing',
        label: { vi: 'Công nghiệp chế biến, chế tạo', en: 'Manufacturing' },
        base: 38843,
        growth: { 2024: 0.2045, 2025: 0.17, ...years(2026, 2030, 0.2) },
        price: {},
      },
      {
        kind: 'sector',
        id: 'other_industry',
        label: { vi: 'Công nghiệp khác và xây dựng', en: 'Other industry and construction' },
        base: 125057,
        growth: { 2024: 0.0158, ...years(2025, 2030, 0.04) },
        price: {},
      },
      {
        kind: 'sector',
        id: 'services',
        label: { vi: 'Dịch vụ', en: 'Services' },
        base: 96951,
        growth: { 2024: 0.1416, ...years(2025, 2030, 0.1) },
        price: {},
      },
      {
        kind: 'sector',
        id: 'taxes',
        label: { vi: 'Thuế sản phẩm trừ trợ cấp sản phẩm', en: 'Product taxes less subsidies' },
        base: 40107,
        growth: { 2024: 0.0506, ...years(2025, 2030, 0.08) },
        price: {},
      },
      {
        kind: 'target',
        id: 'share_target',
        label: { vi: 'Mục tiêu tỷ trọng CBCT', en: 'Manufacturing share target' },
        of: 'manufacturing.share',
        cells: { 2025: 0.15, 2030: 0.3 },
      },
      {
        kind: 'target',
        id: 'growth_target',
        label: { vi: 'Mục tiêu tăng trưởng GRDP', en: 'GRDP growth target' },
        of: 'grdp_growth',
        cells: years(2024, 2030, 0.1),
      },
      {
        kind: 'param',
        id: 'icor',
        label: { vi: 'Hệ số ICOR', en: 'ICOR' },
        format: 'number',
        value: 4.1,
      },
      {
        kind: 'series',
        id: 'investment',
        label: { vi: 'Vốn đầu tư cần thiết', en: 'Investment needed' },
        format: 'number',
        cells: Object.fromEntries(Array.from({ length: 7 }, (_, k) => [2024 + k, '=icor * (grdp[t] - grdp[t-1])'])),
      },
    ],
    history: {
      'manufacturing.share': { 2020: 0.098, 2021: 0.113, 2022: 0.115, 2023: 0.123 },
      grdp_growth: { 2020: 0.1005, 2021: 0.1028, 2022: 0.1028, 2023: 0.1103 },
      'manufacturing.growth': { 2020: 0.1779, 2021: 0.3219, 2023: 0.164 },
      'agriculture.growth': { 2023: 0.0443 },
      'services.growth': { 2023: 0.1256 },
      grdp_nominal: { 2023: 315800 },
    },
  },
  sources: {
    'agriculture@2023': `${INFINA}: 4.7% of 315,800 bn VND`,
    'manufacturing@2023': `${ANTT}: 12.3% of 315,800 bn VND`,
    'other_industry@2023': `derived: industry and construction 51.9% (${INFINA}) less manufacturing 12.3%`,
    'services@2023': `${INFINA}: 30.7% of 315,800 bn VND`,
    'taxes@2023': `derived: 100% less the other sectors (${INFINA})`,
    'agriculture.growth@2024': CAFEF,
    'manufacturing.growth@2024': 'vnbiznews.com (manufacturing value added 2024)',
    'other_industry.growth@2024': `derived: 6.05% × 51.9 − 20.45% × 12.3, over 39.6 (${CAFEF})`,
    'services.growth@2024': CAFEF,
    'taxes.growth@2024': CAFEF,
    'agriculture.growth': 'assumption: slow growth as in recent years',
    'manufacturing.growth@2025': `assumption: the province's 17%/yr manufacturing growth target to 2025 (${ANTT}; ${VNECONOMY})`,
    'manufacturing.growth': `assumption: the province's 20%/yr manufacturing growth target to 2030 (${ANTT}; ${VNECONOMY})`,
    'other_industry.growth': 'assumption: coal mining flat, construction growing',
    'services.growth': 'assumption: tourism and logistics keep growing',
    'taxes.growth': 'assumption: in line with GRDP',
    'agriculture.price': 'assumption: no relative price change',
    'manufacturing.price': 'assumption: no relative price change',
    'other_industry.price': 'assumption: no relative price change',
    'services.price': 'assumption: no relative price change',
    'taxes.price': 'assumption: no relative price change',
    share_target:
      'Resolution 01-NQ/TU (16/11/2020) sets manufacturing share targets for 2025 and 2030 only (seeds/001)',
    'share_target@2025': 'Resolution 01-NQ/TU (16/11/2020): seeds/001, seeds/003',
    'share_target@2030': `seeds/001 (several press reports give 20%: ${ANTT}; ${VNECONOMY})`,
    growth_target: 'Provincial plan 2021–2030, Decision 80/QĐ-TTg (11/02/2023), qdnd.vn',
    icor: `assumption: derived from total social investment 2024 of 109,400 bn VND (${CAFEF}) over 8.42% × 315,800 bn VND`,
    investment: 'worked example: ICOR × GRDP increase',
    'manufacturing.share@2020': `${ANTT} (Oct 2023)`,
    'manufacturing.share@2021': `${ANTT} (Oct 2023)`,
    'manufacturing.share@2022': `${ANTT} (Oct 2023)`,
    'manufacturing.share@2023': `${ANTT} (Oct 2023)`,
    'grdp_growth@2020': 'en.vietnamplus.vn',
    'grdp_growth@2021': 'kinhtedothi.vn',
    'grdp_growth@2022': 'kinhtedothi.vn (about 10.28%)',
    'grdp_growth@2023': 'seeds/000',
    'manufacturing.growth@2020': 'en.vietnamplus.vn',
    'manufacturing.growth@2021': 'kinhtedothi.vn',
    'manufacturing.growth@2023': 'derived (vnbiznews.com)',
    'agriculture.growth@2023': 'english.baoquangninh.vn',
    'services.growth@2023': 'english.baoquangninh.vn',
    'grdp_nominal@2023': INFINA,
  },
};
