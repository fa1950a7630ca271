import { sectorVar, withInput, type Scenario } from '../engine';
import { TEMPLATES, type Template } from '../templates';

/** The default template, which links to edited scenarios are measured against. */
export const DEFAULT_TEMPLATE: Template = TEMPLATES[0]!;

const SECTORS = ['manufacturing', 'agriculture', 'other_industry', 'services', 'taxes'];
// Input cells of each projection year, the ones a planner most often edits first.
const VARIABLES = [
  ...SECTORS.map((s) => sectorVar(s, 'growth')),
  ...SECTORS.map((s) => sectorVar(s, 'price')),
  'investment',
  'share_target',
  'growth_target',
];

/**
 * The default template with `count` input cells set to new values, row by row from manufacturing growth
 * in the first projection year; the horizon moves out when the template's years hold too few cells.
 */
export function withEditedCells(count: number): Scenario {
  const template = DEFAULT_TEMPLATE.scenario;
  const { baseYear, horizon } = template.meta;
  const years = Math.max(horizon - baseYear, Math.ceil(count / VARIABLES.length));
  let scenario: Scenario =
    baseYear + years === horizon ? template : { ...template, meta: { ...template.meta, horizon: baseYear + years } };
  for (let k = 0; k < count; k++) {
    // Odd thousandths, as typed ("3,7%"), never equal to a template figure (all even thousandths or formulas).
    const value = (31 + 2 * ((k * 37) % 100)) / 1000;
    scenario = withInput(scenario, VARIABLES[Math.floor(k / years)]!, baseYear + 1 + (k % years), value);
  }
  return scenario;
}
