/** A cell's stored input: a number (fractions for percent rows) or a formula string starting with "=". */
export type CellInput = number | string;

/** Inputs of one row keyed by year ("2026"); a missing key is a blank cell. */
export type YearCells = Readonly<Record<string, CellInput>>;

/** A label that is either user text or a pair of translations. */
export type Label = string | { readonly vi: string; readonly en: string };

/** How a row's numbers are shown and typed. */
export type Format = 'percent' | 'number';

/**
 * The economic groups (khu vực) of the statistics office's structure: I agriculture, forestry and fisheries; II
 * industry and construction; III services; and product taxes less subsidies.
 */
export type EconomicGroup = 'agriculture' | 'industry' | 'services' | 'taxes';

/** A production sector: base-year value, real growth and price change per year. */
export interface SectorRow {
  readonly kind: 'sector';
  readonly id: string;
  readonly label: Label;
  readonly base: CellInput;
  readonly growth: YearCells;
  readonly price: YearCells;
  /** The economic group the sector counts in; when any sector has one, the model builds the structure rows. */
  readonly group?: EconomicGroup;
}

/** A row with a value or formula in each year. */
export interface SeriesRow {
  readonly kind: 'series';
  readonly id: string;
  readonly label: Label;
  readonly format: Format;
  readonly cells: YearCells;
}

/** A single value used by formulas, such as the ICOR. */
export interface ParamRow {
  readonly kind: 'param';
  readonly id: string;
  readonly label: Label;
  readonly format: Format;
  readonly value: CellInput;
}

/**
 * Thresholds that a computed row must reach in the years where a cell is filled: a floor in `cells`, a ceiling in
 * `upper`, a band (floor ≤ value ≤ ceiling) where a year has both.
 */
export interface TargetRow {
  readonly kind: 'target';
  readonly id: string;
  readonly label: Label;
  /** The variable the target applies to, e.g. "manufacturing.share" or "grdp_growth". */
  readonly of: string;
  readonly cells: YearCells;
  /**
   * Upper bounds by year. Numbers only: unlike `cells` they are not part of the model, so validation refuses a
   * formula here (a scenario built in code that holds one gets an unknown check: met undefined, upper NaN).
   */
  readonly upper?: YearCells;
}

/** Any row a scenario can hold. */
export type RowDef = SectorRow | SeriesRow | ParamRow | TargetRow;

/** Scenario-wide settings. */
export interface ScenarioMeta {
  readonly name: string;
  readonly region: Label;
  readonly baseYear: number;
  readonly horizon: number;
  /** Unit of sector values, e.g. { vi: 'tỷ đồng', en: 'billion VND' }. */
  readonly unit: Label;
  /** Id of the sector whose share the headline targets follow. */
  readonly focus: string;
  /** GRDP per capita: the rows (series or param) holding average population and the rate, when the model builds it. */
  readonly perCapita?: PerCapitaRows;
  /** The id of the target set (offered by the template) the target rows were taken from, 1–100 characters. */
  readonly targetSet?: string;
}

/** The rows GRDP per capita is computed from: population in thousand persons, the rate in VND per USD. */
export interface PerCapitaRows {
  readonly population: string;
  readonly usdRate: string;
}

/** A range an input cell may hold instead of a number (fractions for percent rows). */
export type Distribution =
  | { readonly kind: 'uniform'; readonly lo: number; readonly hi: number }
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number }
  | { readonly kind: 'triangular'; readonly lo: number; readonly mode: number; readonly hi: number };

/** How a row's ranges are drawn in a Monte Carlo run: once per run for all years, or independently each year. */
export type DrawMode = 'run' | 'year';

/** The ranges of one variable's input cells, by year, and how they are drawn. */
export interface UncertainRow {
  readonly draw: DrawMode;
  readonly cells: Readonly<Record<string, Distribution>>;
}

/** A full scenario: settings, rows and recorded actuals before/at the base year. */
export interface Scenario {
  readonly meta: ScenarioMeta;
  readonly rows: readonly RowDef[];
  /** Actual values by variable id then year; drawn as history, never computed. */
  readonly history: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * Ranges by variable id ("manufacturing.growth"). Each ranged cell also holds the range's central value as its
   * input, so the deterministic model and everything built on it read a plain number.
   */
  readonly uncertainty?: Readonly<Record<string, UncertainRow>>;
  /** Seed of the Monte Carlo run (an unsigned 32-bit integer), so a run can be repeated exactly. */
  readonly seed?: number;
}

/** Error codes of a cell, shown as in a spreadsheet. */
export const ErrorCode = {
  CYCLE: '#CYCLE',
  NAME: '#NAME?',
  SYNTAX: '#SYNTAX',
  DIV0: '#DIV/0',
  NUM: '#NUM',
  REF: '#REF',
  VALUE: '#VALUE',
} as const;

/** One of the cell error codes. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Message keys of cell errors; the UI translates them through the i18n dictionaries. */
export type ErrorKey =
  | 'cycle'
  | 'dependsOnCycle'
  | 'unknownName'
  | 'forbiddenFunction'
  | 'forbiddenSyntax'
  | 'syntax'
  | 'syntaxAt'
  | 'decimalComma'
  | 'percentPlacement'
  | 'tooLong'
  | 'tooDeep'
  | 'divByZero'
  | 'notFinite'
  | 'yearOutOfRange'
  | 'notANumber'
  | 'badArguments'
  | 'rangeOutsideAggregate'
  | 'rangeSyntax'
  | 'rangeOrder'
  | 'rangeSpread';

/** A formula problem as a value: a code, a message key and its arguments. */
export interface CellError {
  readonly code: ErrorCode;
  readonly key: ErrorKey;
  readonly args?: Readonly<Record<string, string | number>>;
}

/** Creates a cell error value. */
export function cellError(code: ErrorCode, key: ErrorKey, args?: Record<string, string | number>): CellError {
  return args ? { code, key, args } : { code, key };
}
