export * from './types';
export { parseLocaleNumber, formatValue, formatForEdit, formatPoints, type Locale } from './parse-number';
export { parseFormula, isCellError, FUNCTIONS, MAX_FORMULA_LENGTH, MAX_NESTING, YEAR_SYMBOL } from './parse-formula';
export { Model, BUILTIN, SECTOR_PARTS, yearsOf, inputOf, type Variable, type VarRole } from './model';
export {
  checkIdentifier,
  withInput,
  renameRow,
  addRow,
  deleteRow,
  splitVarId,
  cellKey,
  type CellAddress,
  type IdentifierProblem,
} from './scenario';
export {
  summarize,
  chartSeries,
  checkTarget,
  type Headline,
  type TargetCheck,
  type GrowthCheck,
  type ChartSeries,
} from './summary';
export { sheetRows, sheetColumns, type SheetRow, type SheetColumn, type RowGroup } from './layout';
export { validateScenario, LIMITS, type ScenarioCheck } from './validate';
export { compareScenarios, type Comparison, type CompareRow, type CompareItem } from './compare';
export { applyLevers, type Lever, type LeverMode, type Levers } from './levers';
