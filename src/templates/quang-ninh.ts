import { BUILTIN, sectorVar } from '../engine';
import { assume, cite, QUANG_NINH_RECORDED_TO_2023, years } from './notes';
import type { Template } from './types';
import {
  ANTT,
  CAFEF_2024,
  DECISION_80,
  EZA_2021,
  INFINA_2023,
  MANUFACTURING_H1_2023,
  TTXVN_2024,
  VNBIZ,
  VNECONOMY,
} from './publications';

const SECTORS = ['agriculture', 'manufacturing', 'other_industry', 'services', 'taxes'];

/** The short names of Quảng Ninh's sectors for cards and slides, as the province's reports abbreviate them. */
export const QUANG_NINH_SHORT_LABELS = {
  agriculture: { vi: 'Nông, lâm, thủy sản', en: 'Agriculture' },
  manufacturing: { vi: 'CN CBCT', en: 'Manufacturing' },
  other_industry: { vi: 'CN khác và xây dựng', en: 'Other industry' },
  services: { vi: 'Dịch vụ', en: 'Services' },
  taxes: { vi: 'Thuế SP trừ trợ cấp', en: 'Product taxes' },
} as const;

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
        of: sectorVar('manufacturing', 'share'),
        cells: { 2025: 0.15, 2030: 0.3 },
      },
      {
        kind: 'target',
        id: 'growth_target',
        label: { vi: 'Mục tiêu tăng trưởng GRDP', en: 'GRDP growth target' },
        of: BUILTIN.grdpGrowth,
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
      [sectorVar('manufacturing', 'share')]: { 2020: 0.098, 2021: 0.113, 2022: 0.115, 2023: 0.123 },
      [BUILTIN.grdpGrowth]: { 2020: 0.1005, 2021: 0.1028, 2022: 0.1028, 2023: 0.1103 },
      [sectorVar('manufacturing', 'growth')]: { 2020: 0.1779, 2021: 0.3219, 2023: 0.164 },
      [sectorVar('agriculture', 'growth')]: { 2023: 0.0443 },
      [sectorVar('services', 'growth')]: { 2023: 0.1256 },
      [BUILTIN.grdpNominal]: { 2023: 315800 },
    },
  },
  shortLabels: QUANG_NINH_SHORT_LABELS,
  presets: [
    {
      id: 'trend',
      label: { vi: 'Xu hướng', en: 'Trend' },
      assumes: {
        vi: 'Các ngành giữ tốc độ bình quân gần đây: CBCT 18%, dịch vụ 12%, công nghiệp khác 3%, nông nghiệp 2%, thuế 7%.',
        en: 'Sectors keep their recent average pace: manufacturing 18%, services 12%, other industry 3%, agriculture 2%, taxes 7%.',
      },
      fromYear: 2025,
      growth: { agriculture: 0.02, manufacturing: 0.18, other_industry: 0.03, services: 0.12, taxes: 0.07 },
    },
    {
      id: 'cautious',
      label: { vi: 'Thận trọng', en: 'Cautious' },
      assumes: {
        vi: 'Tăng trưởng chậm lại: CBCT 12%, dịch vụ 7%, công nghiệp khác 2% (than giảm), nông nghiệp 2%, thuế 5%.',
        en: 'Growth slows: manufacturing 12%, services 7%, other industry 2% (coal declining), agriculture 2%, taxes 5%.',
      },
      fromYear: 2025,
      growth: { agriculture: 0.02, manufacturing: 0.12, other_industry: 0.02, services: 0.07, taxes: 0.05 },
    },
  ],
  sources: {
    'agriculture@2023': cite(`${INFINA_2023.vi}: 4,7% × 315.800`, `${INFINA_2023.en}: 4.7% × 315,800`),
    'manufacturing@2023': cite(`${ANTT.vi}: 12,3% × 315.800`, `${ANTT.en}: 12.3% × 315,800`),
    'other_industry@2023': cite(
      `tính từ: công nghiệp và xây dựng 51,9% (${INFINA_2023.vi}) trừ CBCT 12,3%`,
      `derived: industry and construction 51.9% (${INFINA_2023.en}) less manufacturing 12.3%`,
    ),
    'services@2023': cite(`${INFINA_2023.vi}: 30,7% × 315.800`, `${INFINA_2023.en}: 30.7% × 315,800`),
    'taxes@2023': cite(
      `tính từ: 100% trừ các ngành khác (${INFINA_2023.vi})`,
      `derived: 100% less the other sectors (${INFINA_2023.en})`,
    ),
    'agriculture.growth@2024': cite(CAFEF_2024),
    'manufacturing.growth@2024': cite(VNBIZ),
    'other_industry.growth@2024': cite(
      `tính từ: (6,05% × 51,9 − 20,45% × 12,3) / 39,6 (${CAFEF_2024.vi})`,
      `derived: (6.05% × 51.9 − 20.45% × 12.3) / 39.6 (${CAFEF_2024.en})`,
    ),
    'services.growth@2024': cite(CAFEF_2024),
    'taxes.growth@2024': cite(CAFEF_2024),
    'agriculture.growth': assume('tăng chậm như các năm gần đây', 'slow growth as in recent years'),
    'manufacturing.growth@2025': assume(
      `mục tiêu tăng trưởng CBCT 17%/năm đến 2025 (${ANTT.vi}; ${VNECONOMY.vi})`,
      `the province's 17%/yr manufacturing growth target to 2025 (${ANTT.en}; ${VNECONOMY.en})`,
    ),
    'manufacturing.growth': assume(
      `mục tiêu tăng trưởng CBCT 20%/năm đến 2030 (${ANTT.vi}; ${VNECONOMY.vi})`,
      `the province's 20%/yr manufacturing growth target to 2030 (${ANTT.en}; ${VNECONOMY.en})`,
    ),
    'other_industry.growth': assume(
      'khai khoáng (than) đi ngang, xây dựng tăng',
      'coal mining flat, construction growing',
    ),
    'services.growth': assume('du lịch và logistics tiếp tục tăng', 'tourism and logistics keep growing'),
    'taxes.growth': assume('tương đương tăng trưởng GRDP', 'in line with GRDP'),
    ...Object.fromEntries(
      SECTORS.map((s) => [sectorVar(s, 'price'), assume('không thay đổi giá tương đối', 'no relative price change')]),
    ),
    share_target: cite(
      `Nghị quyết 01-NQ/TU (16/11/2020) chỉ đặt mục tiêu tỷ trọng cho 2025 và 2030 (${MANUFACTURING_H1_2023.vi})`,
      `Resolution 01-NQ/TU (16/11/2020) sets share targets for 2025 and 2030 only (${MANUFACTURING_H1_2023.en})`,
    ),
    'share_target@2025': cite(
      `Nghị quyết 01-NQ/TU (16/11/2020): ${MANUFACTURING_H1_2023.vi}; ${EZA_2021.vi}`,
      `Resolution 01-NQ/TU (16/11/2020): ${MANUFACTURING_H1_2023.en}; ${EZA_2021.en}`,
    ),
    'share_target@2030': cite(
      `${MANUFACTURING_H1_2023.vi} (một số báo ghi 20%: ${ANTT.vi}; ${VNECONOMY.vi})`,
      `${MANUFACTURING_H1_2023.en} (several press reports give 20%: ${ANTT.en}; ${VNECONOMY.en})`,
    ),
    growth_target: cite(DECISION_80),
    icor: assume(
      `tính từ tổng vốn đầu tư xã hội 2024 là 109.400 tỷ đồng (${CAFEF_2024.vi}) chia cho 8,42% × 315.800 tỷ đồng`,
      `derived from total social investment 2024 of 109,400 bn VND (${CAFEF_2024.en}) over 8.42% × 315,800 bn VND`,
    ),
    investment: cite('ví dụ công thức: ICOR × mức tăng GRDP', 'worked example: ICOR × GRDP increase'),
    ...QUANG_NINH_RECORDED_TO_2023,
    'grdp_growth@2023': cite(TTXVN_2024),
    'grdp_nominal@2023': cite(INFINA_2023),
  },
};
