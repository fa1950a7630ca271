import { describe, expect, it } from 'vitest';
import { Model } from '../../src/engine/model';
import { compiledAlone, modelSnapshot } from '../../src/engine/fixtures';
import { withInput } from '../../src/engine/scenario';
import type { Scenario } from '../../src/engine/types';
import { TEMPLATES } from '../../src/templates';
import { BASE_YEAR, ROWS, sheetScenario, YEARS } from '../../bench/sheet';

// Each case: a scenario, and edits typed into it afterwards (a number, a formula of another shape, the row's own).
const cases: [string, Scenario, [string, number, string | number][]][] = [
  ...TEMPLATES.map((t): [string, Scenario, [string, number, string | number][]] => [
    `template ${t.id}`,
    t.scenario,
    [
      ['manufacturing.growth', t.scenario.meta.baseYear + 2, 0.3],
      ['manufacturing.growth', t.scenario.meta.baseYear + 3, '=manufacturing.growth[t-1] * 0.9'],
    ],
  ]),
  [
    'bench sheet 200 × 30',
    sheetScenario(),
    [
      ['x', BASE_YEAR, 12345],
      ['r7', BASE_YEAR + 9, '=r6[t] * 0.5 + r7[t-1] * 0.5'],
      ['r7', BASE_YEAR + 9, '=r6[t] * 0.6 + r7[t-1] * 0.4'],
    ],
  ],
];

describe('formulas compiled once per text', () => {
  it.each(cases)(
    'gives %s exactly the cells of compiling each formula cell on its own, also after edits',
    (_, scenario, edits) => {
      const shared = new Model(scenario);
      const alone = new Model(compiledAlone(scenario));
      expect(modelSnapshot(shared)).toEqual(modelSnapshot(alone));
      let edited = scenario;
      for (const [id, year, input] of edits) {
        shared.setInput(id, year, input);
        edited = withInput(edited, id, year, input);
        expect(modelSnapshot(shared)).toEqual(modelSnapshot(new Model(compiledAlone(edited))));
      }
    },
  );

  it('compiles the bench sheet’s 6,000 formula cells as 400 formulas (two texts a row)', () => {
    expect(new Model(sheetScenario()).compiledFormulas).toBe(ROWS * 2);
    expect(new Model(compiledAlone(sheetScenario())).compiledFormulas).toBe(ROWS * YEARS);
  });
});
