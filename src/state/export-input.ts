import { cellKey, sheetColumns, sheetRows } from '../engine';
import {
  exportHeadings,
  type ExportCell,
  type ExportInput,
  type ExportRow,
  type ExportSource,
  type ExportTable,
  type PngTexts,
} from '../export';
import { chartInput, rowLabel } from './labels';
import type { LocaleState } from './locale.svelte';
import type { Sheet } from './sheet.svelte';

/**
 * Builds the export table of a sheet. Every variable and every year is exported, whatever the grid
 * currently hides (price rows, history columns): a file is a record of the scenario, not of the view.
 */
export function buildTable(sheet: Sheet, locale: LocaleState): ExportTable {
  const lang = locale.current;
  const scenario = sheet.scenario;
  const columns = sheetColumns(scenario, sheet.model);
  const rows: ExportRow[] = [];
  const sources: ExportSource[] = [];
  for (const row of sheetRows(scenario, { prices: true })) {
    const label = rowLabel(row, locale);
    const cells = columns.map((column): ExportCell => {
      const view = sheet.view(row, column, lang);
      if (view.source !== undefined) {
        sources.push({
          key: cellKey(row.id, column.year),
          id: row.id,
          year: column.year,
          label,
          text: view.source,
          assumption: view.assumption,
        });
      }
      if (view.error) return view.error.code;
      // The model reads a blank input (a year without a target, an empty series or price cell) as 0, which the grid
      // shows as an empty cell: the file leaves empty what the sheet shows empty.
      if (view.text === '') return null;
      return view.value !== undefined && Number.isFinite(view.value) ? view.value : null;
    });
    rows.push({ id: row.id, label, format: row.format, group: row.group, cells });
  }
  return {
    locale: lang,
    name: scenario.meta.name,
    years: columns.map((c) => c.year),
    columnKinds: columns.map((c) => c.kind),
    rows,
    sources,
    headings: exportHeadings(locale.t),
  };
}

/** The texts of a sheet's chart image: chart title, scenario name and source line, in the current language. */
export function pngTexts(sheet: Sheet, locale: LocaleState): PngTexts {
  return {
    title: chartInput(sheet.scenario, sheet.chart, locale, sheet.chartLine).labels.title,
    subtitle: sheet.scenario.meta.name,
    source: locale.t('export.pngSource', {
      template: locale.label(sheet.template.label),
      name: sheet.scenario.meta.name,
    }),
  };
}

/** Everything the exports need from a sheet; each part is built when an export reads it, so a CSV never lays out the chart. */
export function exportInput(sheet: Sheet, locale: LocaleState): ExportInput {
  return {
    name: sheet.scenario.meta.name,
    get table() {
      return buildTable(sheet, locale);
    },
    get chart() {
      return chartInput(sheet.scenario, sheet.chart, locale, sheet.chartLine);
    },
    get texts() {
      return pngTexts(sheet, locale);
    },
  };
}
