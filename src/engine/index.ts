export * from './types';
export {
  parseLocaleNumber,
  isThousandsGrouped,
  formatValue,
  formatForEdit,
  formatPoints,
  type Locale,
  type PercentEntry,
} from './parse-number';
export { parseFormula, isCellError, FUNCTIONS, MAX_FORMULA_LENGTH, MAX_NESTING, YEAR_SYMBOL } from './parse-formula';
export { canonicalFormula, localFormula, argumentSeparator, FUNCTION_DOCS, type FunctionDoc } from './dialect';
export { Model, yearsOf, type Variable } from './model';
export { inputOf } from './cells';
export {
  BUILTIN,
  SECTOR_PARTS,
  BUILT_FORMATS,
  TOTALS,
  ECONOMIC_GROUPS,
  OPTIONAL_TOTAL_IDS,
  optionalTotals,
  structureVar,
  sectorVar,
  sectorVariables,
  focusShare,
  focusGrowth,
  isSectorPart,
  splitVarId,
  withRowId,
  variableIds,
  type SectorPart,
  type BuiltRole,
  type BuiltVariable,
  type OptionalTotalsSource,
  type VarRole,
} from './variables';
export { evaluate, evaluationOf, remember, type Evaluation } from './evaluate';
export {
  checkIdentifier,
  withInput,
  renameRow,
  addRow,
  deleteRow,
  cellKey,
  hasRanges,
  rangeAt,
  drawModeOf,
  withRange,
  withDrawMode,
  withSeed,
  upgradeFormulas,
  callsLogarithm,
  type CellAddress,
  type IdentifierProblem,
} from './scenario';
export {
  summarize,
  chartSeries,
  checkTarget,
  upperBound,
  withinBounds,
  periodGrowth,
  fullPeriods,
  planPeriods,
  PLAN_PERIOD_START,
  PLAN_PERIOD_YEARS,
  type PeriodGrowth,
  type Headline,
  type PerCapitaCheck,
  type TargetCheck,
  type GrowthCheck,
  type ChartSeries,
} from './summary';
export {
  sheetRows,
  sheetColumns,
  ECONOMIC_GROUP_LABELS,
  type SheetRow,
  type SheetColumn,
  type RowGroup,
} from './layout';
export { own } from './own';
export { cleanText } from './text';
export { validateScenario, LIMITS, type ScenarioCheck } from './validate';
export { compareScenarios, type Comparison, type CompareRow, type CompareItem } from './compare';
export { applyLevers, type Lever, type LeverMode, type Levers } from './levers';
export {
  parseRange,
  formatRange,
  checkDistribution,
  centralValue,
  shiftDistribution,
  quantile,
  normalQuantile,
  triangularQuantile,
  ln,
  Random,
} from './uncertainty';
export { brent, type BrentOptions, type BrentResult } from './root-find';
export {
  goalSeek,
  requiredFocusGrowth,
  requiredGrowthFor,
  plausibleRate,
  shareQuestions,
  targetQuestions,
  type TargetQuestion,
  type GoalSeekTarget,
  type GoalSeekChange,
  type SeekRange,
  type CellEdit,
  type GoalSeekFound,
  type GoalSeekUnreachable,
  type GoalSeekInvalid,
  type GoalSeekProblem,
  type GoalSeekResult,
  type RequiredGrowthResult,
  type ShareQuestion,
} from './goal-seek';
export {
  tornado,
  sensitivityRows,
  defaultSensitivityOutput,
  type SensitivityOutput,
  type TornadoOptions,
  type TornadoBar,
} from './sensitivity';
export {
  MonteCarloRun,
  percentile,
  DEFAULT_SAMPLES,
  MAX_SAMPLES,
  HISTOGRAM_BINS,
  type MonteCarloOptions,
  type MonteCarloResult,
  type Fan,
  type TargetOdds,
  type GrowthOdds,
  type Histogram,
} from './monte-carlo';
