import { BUILTIN, sectorVar, structureVar, type TargetRow } from '../engine';
import { cite, years } from './notes';
import type { SourceNote, TargetSet } from './types';
import {
  ANTT,
  CONGRESS_XVI,
  DECISION_80,
  EZA_2021,
  MANUFACTURING_H1_2023,
  RESOLUTION_334,
  VNECONOMY,
} from './publications';

const shareOf = sectorVar('manufacturing', 'share');

/** The target sets a Quảng Ninh template offers; the first is the one its scenario starts with. */
export const QUANG_NINH_TARGET_SETS: readonly TargetSet[] = [
  {
    id: 'users',
    label: {
      vi: 'CBCT 15% (2025), 30% (2030); GRDP ≥ 10%/năm',
      en: 'Manufacturing 15% (2025), 30% (2030); GRDP ≥ 10%/yr',
    },
    rows: [
      {
        kind: 'target',
        id: 'share_target',
        label: { vi: 'Mục tiêu tỷ trọng CBCT', en: 'Manufacturing share target' },
        of: shareOf,
        cells: { 2025: 0.15, 2030: 0.3 },
      },
      {
        kind: 'target',
        id: 'growth_target',
        label: { vi: 'Mục tiêu tăng trưởng GRDP', en: 'GRDP growth target' },
        of: BUILTIN.grdpGrowth,
        cells: years(2026, 2030, 0.1),
      },
    ],
  },
  {
    id: 'congress',
    label: { vi: 'Đại hội Đảng bộ tỉnh XVI (2025–2030)', en: '16th provincial Party Congress (2025–2030)' },
    rows: [
      {
        kind: 'target',
        id: 'congress_growth',
        label: { vi: 'Mục tiêu tăng trưởng GRDP (Đại hội XVI)', en: 'GRDP growth target (16th Congress)' },
        of: BUILTIN.grdpGrowth,
        cells: { 2026: 0.13, ...years(2027, 2030, 0.12) },
      },
      {
        kind: 'target',
        id: 'congress_share',
        label: { vi: 'Mục tiêu tỷ trọng CBCT (Đại hội XVI)', en: 'Manufacturing share target (16th Congress)' },
        of: shareOf,
        cells: { 2030: 0.18 },
      },
      {
        kind: 'target',
        id: 'congress_per_capita',
        label: {
          vi: 'Mục tiêu GRDP bình quân đầu người, USD (Đại hội XVI)',
          en: 'GRDP per capita target, USD (16th Congress)',
        },
        of: BUILTIN.grdpPerCapitaUsd,
        cells: { 2026: 11800, 2030: 20000 },
      },
    ],
  },
  {
    id: 'decision80',
    label: { vi: 'Quy hoạch tỉnh (Quyết định 80/QĐ-TTg)', en: 'Provincial master plan (Decision 80/QĐ-TTg)' },
    rows: [
      {
        kind: 'target',
        id: 'plan_growth',
        label: { vi: 'Mục tiêu tăng trưởng GRDP (Quy hoạch)', en: 'GRDP growth target (master plan)' },
        of: BUILTIN.grdpGrowth,
        cells: years(2026, 2030, 0.1),
      },
      ...(
        [
          ['agriculture', 0.03, 0.04, 'Khu vực I', 'Sector group I'],
          ['industry', 0.47, 0.48, 'Khu vực II', 'Sector group II'],
          ['services', 0.38, 0.39, 'Khu vực III', 'Sector group III'],
          ['taxes', 0.09, 0.1, 'Thuế sản phẩm', 'Product taxes'],
        ] as const
      ).map(([group, lower, upper, vi, en]): TargetRow => ({
        kind: 'target',
        id: `plan_structure_${group}`,
        label: { vi: `Cơ cấu ${vi} 2030 (Quy hoạch)`, en: `${en} structure 2030 (master plan)` },
        of: structureVar(group),
        cells: { 2030: lower },
        upper: { 2030: upper },
      })),
      {
        kind: 'target',
        id: 'plan_per_capita',
        label: { vi: 'GRDP bình quân đầu người, USD (Quy hoạch)', en: 'GRDP per capita, USD (master plan)' },
        of: BUILTIN.grdpPerCapitaUsd,
        cells: { 2030: 19000 },
        upper: { 2030: 20000 },
      },
    ],
  },
  {
    id: 'resolution01',
    label: {
      vi: 'Nghị quyết 01-NQ/TU theo báo chí: 15% (2025), 20% (2030)',
      en: 'Resolution 01-NQ/TU as reported: 15% (2025), 20% (2030)',
    },
    rows: [
      {
        kind: 'target',
        id: 'resolution_share',
        label: { vi: 'Mục tiêu tỷ trọng CBCT (Nghị quyết 01)', en: 'Manufacturing share target (Resolution 01)' },
        of: shareOf,
        cells: { 2025: 0.15, 2030: 0.2 },
      },
    ],
  },
];

/** Where each target set's figures come from, keyed by target row (and row@year where one year differs). */
export const QUANG_NINH_TARGET_SOURCES: Readonly<Record<string, SourceNote>> = {
  share_target: cite(
    `mục tiêu người dùng sản phẩm đặt: 15% năm 2025, 30% năm 2030 (Nghị quyết 01-NQ/TU theo ${MANUFACTURING_H1_2023.vi})`,
    `the product's users' targets: 15% in 2025, 30% in 2030 (Resolution 01-NQ/TU as in the ${MANUFACTURING_H1_2023.en})`,
  ),
  growth_target: cite(`${DECISION_80.vi}: 10%/năm`, `${DECISION_80.en}: 10% a year`),
  congress_growth: cite(`${CONGRESS_XVI.vi}: 12%/năm`, `${CONGRESS_XVI.en}: 12% a year`),
  'congress_growth@2026': cite(`${RESOLUTION_334.vi}: ≥ 13%`, `${RESOLUTION_334.en}: ≥ 13%`),
  congress_share: cite(`${CONGRESS_XVI.vi}: CBCT trên 18% GRDP`, `${CONGRESS_XVI.en}: manufacturing over 18% of GRDP`),
  congress_per_capita: cite(`${CONGRESS_XVI.vi}: 20.000 USD năm 2030`, `${CONGRESS_XVI.en}: 20,000 USD in 2030`),
  'congress_per_capita@2026': cite(`${RESOLUTION_334.vi}: ≥ 11.800 USD`, `${RESOLUTION_334.en}: ≥ 11,800 USD`),
  plan_growth: cite(`${DECISION_80.vi}: 10%/năm 2021–2030`, `${DECISION_80.en}: 10% a year 2021–2030`),
  ...Object.fromEntries(
    ['agriculture', 'industry', 'services', 'taxes'].map((group) => [
      `plan_structure_${group}`,
      cite(
        `${DECISION_80.vi}: cơ cấu 2030 3–4 / 47–48 / 38–39 / 9–10%`,
        `${DECISION_80.en}: 2030 structure 3–4 / 47–48 / 38–39 / 9–10%`,
      ),
    ]),
  ),
  plan_per_capita: cite(`${DECISION_80.vi}: 19.000–20.000 USD`, `${DECISION_80.en}: 19,000–20,000 USD`),
  resolution_share: cite(
    `Nghị quyết 01-NQ/TU theo báo chí (${ANTT.vi}; ${VNECONOMY.vi})`,
    `Resolution 01-NQ/TU as reported (${ANTT.en}; ${VNECONOMY.en})`,
  ),
  'resolution_share@2025': cite(
    `Nghị quyết 01-NQ/TU (16/11/2020): trên 15% năm 2025 (${MANUFACTURING_H1_2023.vi}; ${EZA_2021.vi})`,
    `Resolution 01-NQ/TU (16/11/2020): over 15% in 2025 (${MANUFACTURING_H1_2023.en}; ${EZA_2021.en})`,
  ),
};
