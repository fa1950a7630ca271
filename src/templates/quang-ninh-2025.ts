import {
  BUILTIN,
  requiredGrowthFor,
  sectorVar,
  structureVar,
  targetQuestions,
  type EconomicGroup,
  type Scenario,
  type SectorRow,
} from '../engine';
import { QUANG_NINH_SHORT_LABELS } from './quang-ninh';
import { QUANG_NINH_TARGET_SETS, QUANG_NINH_TARGET_SOURCES } from './quang-ninh-targets';
import { applyTargetSet } from './target-set';
import { assume, cite, estimate, QUANG_NINH_RECORDED_TO_2023, years } from './notes';
import type { Preset, Template } from './types';
import {
  ALOXE,
  ANTT,
  CAFEF_2024,
  INFINA_2023,
  TBTC_2025,
  THANHNIEN_2025,
  TTXVN_2024,
  VIETNAMPLUS_9M_2025,
  VNBIZ,
  VTC_2025,
  ZNEWS_2025,
} from './publications';

const SECTORS = ['agriculture', 'manufacturing', 'other_industry', 'services', 'taxes'];
const BASE = 2025;
const HORIZON = 2030;
// GRDP 2025 at current prices and the published 2025 structure; the level is not chained onto 2024's (a revised basis).
const GRDP_2025 = 368445;
// The VND-per-USD rate and the population growth are assumptions the planner edits (domain.md).
const USD_RATE = 25400;
const POPULATION_2022 = 1362.88;
const PER_CAPITA_2025 = 10402;
// The GRDP deflator derived from 2024: current prices +10.0% against 8.42% real growth.
const DEFLATOR = 0.015;

// The 2025 split that is not published, derived from what is (see the source notes of each cell).
// Services and product taxes are published together (49.19%): split by their 2024 shares grown at their 2025 rates.
const servicesAndTaxes = 0.4919;
const services24 = 0.334 * 1.164;
const taxes24 = 0.113 * 1.0631;
const SERVICES_SHARE = (servicesAndTaxes * services24) / (services24 + taxes24);
// Manufacturing's share is not published for 2024 or 2025: its share of industry and construction, moved on by
// its growth against the group's (2024: 20.45% against GRDP's 8.42%; 2025: 24.07% in nine months against 10.58%).
const MANUFACTURING_2024 = (0.123 * 1.2045) / 1.0842;
const MANUFACTURING_SHARE = (MANUFACTURING_2024 / 0.508) * (1.2407 / 1.1058) * 0.4618;
const OTHER_INDUSTRY_SHARE = 0.4618 - MANUFACTURING_SHARE;
// Other industry's 2025 growth: industry and construction's 10.58% less manufacturing's part, at 2024 weights.
const OTHER_INDUSTRY_GROWTH_2025 = (0.1058 * 0.508 - 0.2407 * MANUFACTURING_2024) / (0.508 - MANUFACTURING_2024);
const POPULATION_2025 = (GRDP_2025 * 1e6) / (PER_CAPITA_2025 * USD_RATE);
// Average yearly population growth 2022–2025 implied by the two figures above.
const POPULATION_GROWTH = (POPULATION_2025 / POPULATION_2022) ** (1 / 3) - 1;

// Average yearly growth of each sector over the recorded years of the 2021–2025 period that have a figure.
function recordedAverage(history: Readonly<Record<string, number>>): number {
  const rates = recordedYears(history).map((year) => history[year]!);
  return rates.reduce((product, rate) => product * (1 + rate), 1) ** (1 / rates.length) - 1;
}

// The years of 2021–2025 that have a recorded figure.
function recordedYears(history: Readonly<Record<string, number>>): number[] {
  return Object.keys(history)
    .map(Number)
    .filter((year) => year >= 2021 && year <= 2025);
}

const SHORT_NAMES = {
  agriculture: { vi: 'nông nghiệp', en: 'agriculture' },
  manufacturing: { vi: 'CBCT', en: 'manufacturing' },
  other_industry: { vi: 'công nghiệp khác', en: 'other industry' },
  services: { vi: 'dịch vụ', en: 'services' },
  taxes: { vi: 'thuế', en: 'taxes' },
} as const;

// "CBCT 23,1%, dịch vụ 14,4%, …" in a language, for a preset's description.
// With the recorded years behind each rate where they are given ("CBCT 23,1% (2021, 2023, 2024, 2025)").
function describe(rates: Readonly<Record<string, number>>, lang: 'vi' | 'en', withYears = false): string {
  return SECTORS.map((s) => {
    const pct = (rates[s]! * 100).toFixed(1);
    const years = withYears ? ` (${recordedYears(HISTORY[sectorVar(s, 'growth')] ?? {}).join(', ')})` : '';
    return `${SHORT_NAMES[s as keyof typeof SHORT_NAMES][lang]} ${lang === 'vi' ? pct.replace('.', ',') : pct}%${years}`;
  }).join(', ');
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const base = (share: number) => Math.round(share * GRDP_2025);

// The base values round to whole billions; taxes take the remainder so the sectors add up to the published GRDP.
const BASES = {
  agriculture: base(0.0463),
  manufacturing: base(MANUFACTURING_SHARE),
  other_industry: base(OTHER_INDUSTRY_SHARE),
  services: base(SERVICES_SHARE),
};
const TAXES_BASE = GRDP_2025 - Object.values(BASES).reduce((a, b) => a + b, 0);

// Recorded results: growth to 2025, levels and structure to 2024 (2025's are the base year's own figures).
const HISTORY: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  [BUILTIN.grdpGrowth]: { 2020: 0.1005, 2021: 0.1028, 2022: 0.1028, 2023: 0.1103, 2024: 0.0842, 2025: 0.1189 },
  [BUILTIN.grdpNominal]: { 2023: 315800, 2024: 347500 },
  [BUILTIN.grdpPerCapitaUsd]: { 2024: 10272 },
  [sectorVar('manufacturing', 'share')]: {
    2020: 0.098,
    2021: 0.113,
    2022: 0.115,
    2023: 0.123,
  },
  [sectorVar('manufacturing', 'growth')]: { 2020: 0.1779, 2021: 0.3219, 2023: 0.164, 2024: 0.2045, 2025: 0.2407 },
  [sectorVar('agriculture', 'growth')]: { 2023: 0.0443, 2024: 0.0008, 2025: 0.0385 },
  [sectorVar('other_industry', 'growth')]: { 2024: 0.0158, 2025: round(OTHER_INDUSTRY_GROWTH_2025, 4) },
  [sectorVar('services', 'growth')]: { 2023: 0.1256, 2024: 0.1416, 2025: 0.164 },
  [sectorVar('taxes', 'growth')]: { 2024: 0.0506, 2025: 0.0631 },
  [structureVar('agriculture')]: { 2023: 0.047, 2024: 0.045 },
  [structureVar('industry')]: { 2023: 0.519, 2024: 0.508 },
  [structureVar('services')]: { 2023: 0.307, 2024: 0.334 },
  [structureVar('taxes')]: { 2023: 0.127, 2024: 0.113 },
  population: { 2022: POPULATION_2022 },
};

// 2021–2025 averages of the recorded growth, by sector: the "recorded trend" preset.
const TREND = Object.fromEntries(
  SECTORS.map((s) => [s, round(recordedAverage(HISTORY[sectorVar(s, 'growth')] ?? {}), 4)]),
);
// The cautious preset takes stated haircuts off the trend, in percentage points.
const HAIRCUTS: Readonly<Record<string, number>> = {
  agriculture: 0.01,
  manufacturing: 0.08,
  other_industry: 0.02,
  services: 0.04,
  taxes: 0.02,
};

// The congress's path: the lowest constant manufacturing growth from 2026 that meets the congress set's targets as the
// cards check them (average growth, share, per capita), the other sectors as the template has them, found with the engine's own goal seek. Worked out on first use
// (it runs the model some hundreds of times), not when the app starts.
let congressPath: { rate: number; binding: string } | undefined;
function congressRate(scenario: Scenario): { rate: number; binding: string } {
  if (congressPath) return congressPath;
  const checked = applyTargetSet(
    scenario,
    QUANG_NINH_TARGET_SETS.find((set) => set.id === 'congress')!,
  );
  let best = { rate: -Infinity, binding: '' };
  for (const question of targetQuestions(checked)) {
    const answer = requiredGrowthFor(checked, question, BASE + 1);
    if (answer.status === 'found' && answer.x > best.rate) best = { rate: answer.x, binding: question.targetId };
  }
  // Rounded up, so that the rate shown still reaches the binding target.
  congressPath = { rate: Math.ceil(best.rate * 1e4) / 1e4, binding: best.binding };
  return congressPath;
}

const PRESETS: Preset[] = [
  {
    id: 'congress',
    label: { vi: 'Con đường Đại hội XVI', en: 'The 16th Congress path' },
    get assumes() {
      const { rate } = congressRate(TEMPLATE_SCENARIO);
      const pct = (rate * 100).toFixed(1);
      return {
        vi: `CBCT tăng ${pct.replace('.', ',')}%/năm từ năm 2026: mức thấp nhất để đạt các chỉ tiêu Đại hội XVI về tốc độ tăng trưởng bình quân, tỷ trọng CBCT và GRDP bình quân đầu người (kể cả 11.800 USD năm 2026), các ngành khác giữ theo mẫu tỉnh; tính bằng chức năng tìm giá trị mục tiêu (goal seek) của ứng dụng.`,
        en: `Manufacturing grows ${pct}% a year from 2026: the lowest rate that meets the 16th Congress's average growth, manufacturing share and GRDP per capita (11,800 USD in 2026 too) with the other sectors as in the template; worked out by the app's goal seek.`,
      };
    },
    fromYear: BASE + 1,
    get growth() {
      return { manufacturing: congressRate(TEMPLATE_SCENARIO).rate };
    },
    targetSet: 'congress',
  },
  {
    id: 'trend',
    label: { vi: 'Xu hướng thực tế', en: 'Recorded trend' },
    assumes: {
      vi: `Mỗi ngành giữ tốc độ tăng trưởng bình quân các năm có số liệu thực tế trong giai đoạn 2021–2025: ${describe(TREND, 'vi', true)}; số năm 2025 của CBCT và công nghiệp khác là số ước tính.`,
      en: `Each sector keeps its average over the years of 2021–2025 with a recorded figure: ${describe(TREND, 'en', true)}; the 2025 figures of manufacturing and other industry are estimates.`,
    },
    fromYear: BASE + 1,
    growth: TREND,
  },
  {
    id: 'cautious',
    label: { vi: 'Thận trọng', en: 'Cautious' },
    assumes: {
      vi: 'Tốc độ tăng trưởng theo xu hướng thực tế, mỗi ngành giảm bớt (điểm phần trăm): CBCT 8, dịch vụ 4, công nghiệp khác và xây dựng 2 (than giảm), thuế 2, nông nghiệp 1.',
      en: 'The recorded trend less: manufacturing 8 points, services 4, other industry 2 (coal declining), taxes 2, agriculture 1.',
    },
    fromYear: BASE + 1,
    growth: Object.fromEntries(SECTORS.map((s) => [s, round(TREND[s]! - HAIRCUTS[s]!, 4)])),
  },
];

// A sector of the template: its 2025 base, one growth rate for 2026–2030 and the derived deflator in every year.
function sector(
  id: keyof typeof BASES | 'taxes',
  group: EconomicGroup,
  vi: string,
  en: string,
  growth: number,
): SectorRow {
  return {
    kind: 'sector',
    id,
    group,
    label: { vi, en },
    base: id === 'taxes' ? TAXES_BASE : BASES[id],
    growth: years(BASE + 1, HORIZON, growth),
    price: years(BASE + 1, HORIZON, DEFLATOR),
  };
}

// The template's scenario (the congress path preset works from it).
const TEMPLATE_SCENARIO: Scenario = {
  meta: {
    name: 'Quảng Ninh',
    region: { vi: 'Quảng Ninh', en: 'Quảng Ninh' },
    baseYear: BASE,
    horizon: HORIZON,
    unit: { vi: 'tỷ đồng', en: 'billion VND' },
    focus: 'manufacturing',
    perCapita: { population: 'population', usdRate: 'usd_rate' },
  },
  rows: [
    sector('agriculture', 'agriculture', 'Nông, lâm nghiệp và thủy sản', 'Agriculture, forestry and fisheries', 0.03),
    sector('manufacturing', 'industry', 'Công nghiệp chế biến, chế tạo', 'Manufacturing', 0.2),
    sector('other_industry', 'industry', 'Công nghiệp khác và xây dựng', 'Other industry and construction', 0.05),
    sector('services', 'services', 'Dịch vụ', 'Services', 0.12),
    sector('taxes', 'taxes', 'Thuế sản phẩm trừ trợ cấp sản phẩm', 'Product taxes less subsidies', 0.08),
    ...QUANG_NINH_TARGET_SETS[0]!.rows,
    {
      kind: 'series',
      id: 'population',
      label: { vi: 'Dân số trung bình (nghìn người)', en: 'Average population (thousand)' },
      format: 'number',
      cells: {
        [BASE]: round(POPULATION_2025, 2),
        ...years(BASE + 1, HORIZON, `=population[t-1] * (1 + population_growth)`),
      },
    },
    {
      kind: 'param',
      id: 'population_growth',
      label: { vi: 'Tăng dân số mỗi năm', en: 'Population growth a year' },
      format: 'percent',
      value: round(POPULATION_GROWTH, 4),
    },
    {
      kind: 'series',
      id: 'usd_rate',
      label: { vi: 'Tỷ giá (đồng/USD)', en: 'Exchange rate (VND per USD)' },
      format: 'number',
      cells: years(BASE, HORIZON, USD_RATE),
    },
    {
      kind: 'param',
      id: 'icor',
      label: { vi: 'Hệ số ICOR (giá hiện hành)', en: 'ICOR (current prices)' },
      format: 'number',
      value: round(109400 / (347500 - 315800), 2),
    },
    {
      kind: 'series',
      id: 'investment',
      label: { vi: 'Vốn đầu tư cần thiết (giá hiện hành)', en: 'Investment needed (current prices)' },
      format: 'number',
      cells: years(BASE + 1, HORIZON, '=icor * (grdp_nominal[t] - grdp_nominal[t-1])'),
    },
  ],
  history: HISTORY,
};

/** Quảng Ninh, base year 2025: recorded results to 2025, the 2026–2030 plan period projected (see domain.md). */
export const quangNinh2025: Template = {
  id: 'quang-ninh-2025',
  label: { vi: 'Quảng Ninh (năm gốc 2025)', en: 'Quảng Ninh (base year 2025)' },
  scenario: TEMPLATE_SCENARIO,
  presets: PRESETS,
  targetSets: QUANG_NINH_TARGET_SETS,
  shortLabels: QUANG_NINH_SHORT_LABELS,
  sources: {
    'agriculture@2025': cite(`${ZNEWS_2025.vi}: 4,63% × 368.445`, `${ZNEWS_2025.en}: 4.63% × 368,445`),
    'manufacturing@2025': estimate(
      `tỷ trọng ${round(MANUFACTURING_SHARE * 100, 2)}% × 368.445: phần của CBCT trong khu vực công nghiệp và xây dựng (46,18%, ${ZNEWS_2025.vi}), điều chỉnh theo tốc độ tăng trưởng năm 2024 và 2025; tỷ trọng CBCT năm 2025 chưa được công bố`,
      `a ${round(MANUFACTURING_SHARE * 100, 2)}% share × 368,445: manufacturing's part of industry and construction (46.18%, ${ZNEWS_2025.en}) moved on by its 2024–2025 growth; the 2025 manufacturing share is not published`,
    ),
    'other_industry@2025': estimate(
      `khu vực công nghiệp và xây dựng 46,18% (${ZNEWS_2025.vi}) trừ phần CBCT ước tính`,
      `industry and construction 46.18% (${ZNEWS_2025.en}) less the estimated manufacturing`,
    ),
    'services@2025': estimate(
      `dịch vụ và thuế sản phẩm gộp chung 49,19% (${ZNEWS_2025.vi}), phân bổ theo tỷ trọng năm 2024 (33,4% / 11,3%, ${CAFEF_2024.vi}) điều chỉnh theo tốc độ tăng trưởng năm 2025 (16,40% / 6,31%)`,
      `services and product taxes together 49.19% (${ZNEWS_2025.en}), split by their 2024 shares (33.4% / 11.3%, ${CAFEF_2024.en}) grown at their 2025 rates (16.40% / 6.31%)`,
    ),
    'taxes@2025': estimate(
      `phần còn lại của GRDP 2025 là 368.445 tỷ đồng (${ZNEWS_2025.vi}) sau các ngành khác`,
      `the rest of 2025 GRDP of 368,445 bn VND (${ZNEWS_2025.en}) after the other sectors`,
    ),
    'agriculture.growth': assume(
      'tăng chậm như các năm gần đây (3,85% năm 2025)',
      'slow growth as in recent years (3.85% in 2025)',
    ),
    'manufacturing.growth': assume(
      `mục tiêu tăng trưởng CBCT 20%/năm đến 2030 (${ANTT.vi})`,
      `the province's 20%/yr manufacturing growth target to 2030 (${ANTT.en})`,
    ),
    'other_industry.growth': assume(
      'khai khoáng (than) đi ngang, xây dựng tăng (ước 5,6% năm 2025)',
      'coal mining flat, construction growing (about 5.6% in 2025)',
    ),
    'services.growth': assume(
      'du lịch và logistics tiếp tục tăng (16,40% năm 2025)',
      'tourism and logistics keep growing (16.40% in 2025)',
    ),
    'taxes.growth': assume(
      'thuế sản phẩm tăng như những năm gần đây (6,31% năm 2025, 5,06% năm 2024)',
      'product taxes grow as in recent years (6.31% in 2025, 5.06% in 2024)',
    ),
    ...Object.fromEntries(
      SECTORS.map((s) => [
        sectorVar(s, 'price'),
        assume(
          `chỉ số giảm phát GRDP ≈ 1,5%/năm, tính từ số liệu năm 2024: GRDP giá hiện hành tăng 10,0% (315.800 → 347.500 tỷ đồng, ${INFINA_2023.vi}; ${CAFEF_2024.vi}) trong khi tăng trưởng theo giá so sánh là 8,42%; áp dụng chung cho các ngành`,
          `GRDP deflator ≈ 1.5%/yr, derived from 2024: current prices +10.0% (315,800 → 347,500 bn, ${INFINA_2023.en}; ${CAFEF_2024.en}) against 8.42% real growth; the same for every sector`,
        ),
      ]),
    ),
    ...QUANG_NINH_TARGET_SOURCES,
    'population@2025': estimate(
      `suy ra từ GRDP 2025 (368.445 tỷ) và GRDP bình quân đầu người ${PER_CAPITA_2025.toLocaleString('vi-VN')} USD (${ZNEWS_2025.vi}) với tỷ giá giả định`,
      `derived from 2025 GRDP (368,445 bn) and GRDP per capita of ${PER_CAPITA_2025.toLocaleString('en-US')} USD (${ZNEWS_2025.en}) at the assumed rate`,
    ),
    population: assume('tăng theo hệ số tăng dân số', 'grows at the population growth rate'),
    'population@2022': cite(`1.362,88 nghìn người (${ALOXE.vi})`, `1,362.88 thousand (${ALOXE.en})`),
    population_growth: estimate(
      'bình quân giai đoạn 2022–2025, suy ra từ dân số năm 2022 và năm 2025 nêu trên',
      'the 2022–2025 average implied by the 2022 and 2025 populations above',
    ),
    usd_rate: assume(
      'tỷ giá giả định 25.400 đồng/USD, giữ nguyên; sửa theo tỷ giá bình quân năm',
      'an assumed 25,400 VND per USD, held flat; edit to the year’s average rate',
    ),
    icor: estimate(
      `tổng vốn đầu tư xã hội 2024 là 109.400 tỷ (${CAFEF_2024.vi}) chia cho mức tăng GRDP giá hiện hành 2023–2024 (315.800 → 347.500 tỷ đồng): cả hai cùng theo giá hiện hành`,
      `total social investment 2024 of 109,400 bn (${CAFEF_2024.en}) over the 2023–2024 GRDP increase at current prices (315,800 → 347,500 bn): the same prices on both sides`,
    ),
    investment: cite('ICOR × mức tăng GRDP giá hiện hành', 'ICOR × GRDP increase at current prices'),
    ...QUANG_NINH_RECORDED_TO_2023,
    'grdp_growth@2023': cite(TTXVN_2024),
    'grdp_growth@2024': cite(CAFEF_2024),
    'grdp_growth@2025': cite(`${TBTC_2025.vi} (cao nhất 34 tỉnh, thành)`, `${TBTC_2025.en} (highest of 34 provinces)`),
    'grdp_nominal@2023': cite(INFINA_2023),
    'grdp_nominal@2024': cite(CAFEF_2024),
    'grdp_per_capita_usd@2024': cite(CAFEF_2024),
    'manufacturing.growth@2024': cite(VNBIZ),
    'manufacturing.growth@2025': estimate(
      `9 tháng năm 2025 tăng 24,07% (${VIETNAMPLUS_9M_2025.vi}); số cả năm chưa công bố; CBCT đóng góp "gần 28%" vào tăng trưởng (${VTC_2025.vi})`,
      `nine months of 2025 +24.07% (${VIETNAMPLUS_9M_2025.en}); the full year is not published; manufacturing gave "nearly 28%" of growth (${VTC_2025.en})`,
    ),
    'agriculture.growth@2024': cite(CAFEF_2024),
    'agriculture.growth@2025': cite(`${TBTC_2025.vi}; ${THANHNIEN_2025.vi}`, `${TBTC_2025.en}; ${THANHNIEN_2025.en}`),
    'other_industry.growth@2024': cite(
      `tính từ: (6,05% × 51,9 − 20,45% × 12,3) / 39,6 (${CAFEF_2024.vi})`,
      `derived: (6.05% × 51.9 − 20.45% × 12.3) / 39.6 (${CAFEF_2024.en})`,
    ),
    'other_industry.growth@2025': estimate(
      `khu vực công nghiệp và xây dựng tăng 10,58% (${TBTC_2025.vi}) trừ phần đóng góp của CBCT (tăng 24,07%), theo tỷ trọng năm 2024`,
      `industry and construction +10.58% (${TBTC_2025.en}) less manufacturing's part (+24.07%), at 2024 weights`,
    ),
    'services.growth@2024': cite(CAFEF_2024),
    'services.growth@2025': cite(`${TBTC_2025.vi}; ${THANHNIEN_2025.vi}`, `${TBTC_2025.en}; ${THANHNIEN_2025.en}`),
    'taxes.growth@2024': cite(CAFEF_2024),
    'taxes.growth@2025': cite(`${TBTC_2025.vi}; ${THANHNIEN_2025.vi}`, `${TBTC_2025.en}; ${THANHNIEN_2025.en}`),
    'structure_agriculture@2023': cite(INFINA_2023),
    'structure_industry@2023': cite(INFINA_2023),
    'structure_services@2023': cite(INFINA_2023),
    'structure_taxes@2023': cite(
      `tính từ: 100% trừ các khu vực khác (${INFINA_2023.vi})`,
      `derived: 100% less the other groups (${INFINA_2023.en})`,
    ),
    'structure_agriculture@2024': cite(CAFEF_2024),
    'structure_industry@2024': cite(CAFEF_2024),
    'structure_services@2024': cite(CAFEF_2024),
    'structure_taxes@2024': cite(CAFEF_2024),
  },
};
