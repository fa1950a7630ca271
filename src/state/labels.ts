import { chartLabels, type ChartInput } from '../charts/scenario-options';
import {
  BUILTIN,
  ECONOMIC_GROUP_LABELS,
  ECONOMIC_GROUPS,
  structureVar,
  type CellError,
  type ChartSeries,
  type RowGroup,
  type Scenario,
  type SheetRow,
  type TargetQuestion,
} from '../engine';
import { isMessageKey, withName } from '../i18n';
import type { Template } from '../templates/types';
import type { LocaleState } from './locale.svelte';

const ROLE_KEYS = {
  value: 'row.value',
  growth: 'row.growth',
  price: 'row.price',
  nominal: 'row.nominal',
  share: 'row.share',
  grdp: 'row.grdp',
  grdpNominal: 'row.grdpNominal',
  grdpGrowth: 'row.grdpGrowth',
  grdpPerCapita: 'row.grdpPerCapita',
  grdpPerCapitaUsd: 'row.grdpPerCapitaUsd',
} as const;

/**
 * A row's name in the current language: "Tăng trưởng công nghiệp chế biến, chế tạo", "GRDP (giá so sánh năm 2025)",
 * "Manufacturing growth", "ICOR".
 */
export function rowLabel(row: SheetRow, locale: LocaleState): string {
  const name = locale.label(row.label);
  if (!(row.role in ROLE_KEYS)) return name;
  return withName(locale.t, ROLE_KEYS[row.role as keyof typeof ROLE_KEYS], { name, base: row.priceYear });
}

/** The names of sectors by id in the current language (the id where a sector is missing). */
export function sectorNames(scenario: Scenario, ids: readonly string[], locale: LocaleState): string[] {
  return ids.map((id) => {
    const row = scenario.rows.find((r) => r.id === id);
    return row ? locale.label(row.label) : id;
  });
}

/** The focus sector's name in the current language ("Công nghiệp chế biến, chế tạo"), its id where it is missing. */
export function focusName(scenario: Scenario, locale: LocaleState): string {
  return sectorNames(scenario, [scenario.meta.focus], locale)[0]!;
}

/** The focus sector's short name for cards and slides ("CN CBCT"), from its template; its full name where none. */
export function focusShortName(scenario: Scenario, template: Template, locale: LocaleState): string {
  const short = template.shortLabels?.[scenario.meta.focus];
  return short ? locale.label(short) : focusName(scenario, locale);
}

/**
 * A scenario chart's input, translated as the page shows it (focus sector name, unit, sector names); with the line
 * showing GRDP per capita, its labels and USD figures instead of the share's. Slides pass the template whose short
 * sector names they use.
 */
export function chartInput(
  scenario: Scenario,
  chart: ChartSeries,
  locale: LocaleState,
  line: 'share' | 'perCapita' = 'share',
  short?: Template,
): ChartInput {
  const labels = chartLabels(
    (key, args) =>
      args?.name === undefined ? locale.t(key, args) : withName(locale.t, key, { ...args, name: args.name }),
    short ? focusShortName(scenario, short, locale) : focusName(scenario, locale),
    locale.label(scenario.meta.unit),
  );
  const usd = (v: number) => `${locale.number(Math.round(v))} USD`;
  return {
    data: chart,
    sectorLabels: short
      ? chart.sectors.map((id) => {
          const label = short.shortLabels?.[id];
          return label ? locale.label(label) : sectorNames(scenario, [id], locale)[0]!;
        })
      : sectorNames(scenario, chart.sectors, locale),
    labels:
      line === 'share'
        ? labels
        : {
            ...labels,
            share: locale.t('chart.perCapita'),
            shareHistory: locale.t('chart.perCapitaHistory'),
            shareAxis: 'USD',
            title: locale.t('chart.titlePerCapita'),
          },
    formatValue: locale.number,
    formatPercent: line === 'share' ? locale.percent : usd,
  };
}

/** The bounds a target sets, as the interface writes them: "≥ 30,0%", "19.000–20.000 USD", "≤ 4,0%". */
export function boundsText(of: string, lower: number, upper: number | undefined, locale: LocaleState): string {
  const usd = of === BUILTIN.grdpPerCapitaUsd;
  const show = (v: number) => (usd ? locale.number(Math.round(v)) : locale.percent(v));
  const unit = usd ? ' USD' : '';
  if (upper === undefined) return `≥ ${show(lower)}${unit}`;
  if (!Number.isFinite(lower)) return `≤ ${show(upper)}${unit}`;
  return `${show(lower)}–${show(upper)}${unit}`;
}

/** The name of the economic-structure group a variable is the share of, if it is one. */
export function structureName(of: string, locale: LocaleState): string | undefined {
  const group = ECONOMIC_GROUPS.find((g) => structureVar(g) === of);
  return group ? locale.label(ECONOMIC_GROUP_LABELS[group]) : undefined;
}

/**
 * What a target question asks for, in words: "Để tỷ trọng CBCT đạt 30,0% năm 2030", "For GRDP per capita to reach
 * 19,000–20,000 USD in 2030". A lower bound alone is written as the figure to reach.
 */
export function questionGoal(
  question: TargetQuestion,
  focus: { readonly name: string; readonly shareId: string },
  baseYear: number,
  locale: LocaleState,
): string {
  const { of, year, threshold, upper, measure } = question;
  const aim =
    upper === undefined
      ? boundsText(of, threshold, undefined, locale).replace(/^≥ /, '')
      : boundsText(of, threshold, upper, locale);
  if (measure === 'average') return locale.t('questions.goal.average', { aim, from: baseYear + 1, year });
  if (of === focus.shareId) return withName(locale.t, 'questions.goal.share', { name: focus.name, aim, year });
  if (of === BUILTIN.grdpPerCapitaUsd) return locale.t('questions.goal.perCapita', { aim, year });
  const group = structureName(of, locale);
  if (group) return locale.t('questions.goal.structure', { group, aim, year });
  return locale.t('questions.goal.other', { variable: of, aim, year });
}

/** A group heading of the sheet; `base` is the year whose prices the sector values are at. */
export function groupLabel(group: RowGroup, locale: LocaleState, unit: string, base: number): string {
  return locale.t(`grid.group.${group}`, { unit, base });
}

/** A cell error's message in the current language, with syntax names translated. */
export function errorMessage(error: CellError, locale: LocaleState): string {
  const what = error.args?.what;
  if (typeof what !== 'string') return locale.t(`error.${error.key}`, error.args);
  const key = `syntax.${what}`;
  const word = isMessageKey(key) ? locale.t(key) : `"${what}"`;
  return locale.t(`error.${error.key}`, { ...error.args, what: word });
}
