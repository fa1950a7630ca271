import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quangNinh } from '../templates/quang-ninh';
import { declaredScenario } from './fixtures';
import { Model } from './model';
import { withInput } from './scenario';
import { ErrorCode, type RowDef, type Scenario } from './types';
import { BUILTIN, ECONOMIC_GROUPS, sectorVar, structureVar } from './variables';

function scenario(rows: RowDef[], baseYear = 2020, horizon = 2030): Scenario {
  return {
    meta: {
      name: 't',
      region: 'r',
      baseYear,
      horizon,
      unit: 'u',
      focus: rows.find((r) => r.kind === 'sector')?.id ?? 'a',
    },
    rows,
    history: {},
  };
}

const sector = (id: string, base: number, g: number | string, from = 2021, to = 2030): RowDef => ({
  kind: 'sector',
  id,
  label: id,
  base,
  growth: Object.fromEntries(Array.from({ length: to - from + 1 }, (_, k) => [from + k, g])),
  price: {},
});

const series = (id: string, cells: Record<number, number | string>): RowDef => ({
  kind: 'series',
  id,
  label: id,
  format: 'number',
  cells,
});

function at(model: Model, id: string, year: number): number {
  return model.get(id)!.values[year - model.baseYear]!;
}

function errorAt(model: Model, id: string, year: number): string | undefined {
  return model.get(id)!.errors[year - model.baseYear]?.code;
}

describe('compound growth', () => {
  it('compounds 100 at 10% for 10 years to 259.374246…', () => {
    const m = new Model(scenario([sector('a', 100, 0.1)]));
    expect(at(m, 'a', 2030)).toBeCloseTo(259.37424601, 8);
    expect(at(m, 'grdp', 2030)).toBeCloseTo(259.37424601, 8);
  });

  it('takes shares from current prices and growth from constant prices', () => {
    const m = new Model(
      scenario([
        { ...(sector('a', 100, 0) as RowDef & { kind: 'sector' }), price: { 2021: 0.1 } },
        sector('b', 100, 0),
      ]),
    );
    expect(at(m, 'grdp_growth', 2021)).toBeCloseTo(0, 12);
    expect(at(m, 'a.nominal', 2021)).toBeCloseTo(110, 12);
    expect(at(m, 'a.share', 2021)).toBeCloseTo(110 / 210, 12);
    // Price changes persist: the level stays higher in later years.
    expect(at(m, 'a.share', 2025)).toBeCloseTo(110 / 210, 12);
  });

  it('computes GRDP growth as the ratio of constant-price totals', () => {
    const m = new Model(scenario([sector('a', 100, 0.1), sector('b', 300, 0.02)]));
    expect(at(m, 'grdp_growth', 2021)).toBeCloseTo((110 + 306) / 400 - 1, 12);
    expect(m.get('grdp_growth')!.blank[0]).toBe(1);
  });
});

describe('the Quảng Ninh calibration (domain.md)', () => {
  const m = new Model(quangNinh.scenario);

  it('reproduces 2024 GRDP growth ≈ 8.1%', () => {
    expect(at(m, 'grdp_growth', 2024)).toBeCloseTo(0.081, 3);
  });

  it('reproduces the 2024 manufacturing share ≈ 13.7%', () => {
    expect(at(m, 'manufacturing.share', 2024)).toBeCloseTo(0.137, 3);
  });

  it('starts from 315,801 bn VND and a 12.3% manufacturing share in 2023', () => {
    expect(at(m, 'grdp_nominal', 2023)).toBe(315801);
    expect(at(m, 'manufacturing.share', 2023)).toBeCloseTo(0.123, 3);
  });

  it('evaluates the worked investment formula as ICOR × ΔGRDP', () => {
    const delta = at(m, 'grdp', 2026) - at(m, 'grdp', 2025);
    expect(at(m, 'investment', 2026)).toBeCloseTo(4.1 * delta, 6);
    expect(m.get('investment')!.blank[0]).toBe(1);
  });
});

describe('formulas in cells', () => {
  it('references other rows by name and years by offset', () => {
    const m = new Model(
      scenario([
        sector('a', 100, 0.1),
        sector('b', 100, '=a.growth * 0.8'),
        series('diff', { 2021: '=grdp[t] - grdp[t-1]', 2022: '=grdp[2022] - grdp[2021]' }),
      ]),
    );
    expect(at(m, 'b.growth', 2025)).toBeCloseTo(0.08, 12);
    expect(at(m, 'diff', 2021)).toBeCloseTo(110 + 108 - 200, 9);
    expect(at(m, 'diff', 2022)).toBeCloseTo(at(m, 'grdp', 2022) - at(m, 'grdp', 2021), 9);
  });

  it('reads "+ 1%" as one percentage point', () => {
    const m = new Model(
      scenario([
        {
          ...(sector('a', 100, 0.1, 2021, 2021) as RowDef & { kind: 'sector' }),
          growth: { 2021: 0.1, 2022: '=a.growth[t-1] + 1%' },
        },
      ]),
    );
    expect(at(m, 'a.growth', 2022)).toBeCloseTo(0.11, 12);
  });

  it('evaluates a self-reference to an earlier year left to right', () => {
    const m = new Model(
      scenario([series('x', { 2020: 1, 2021: '=x[t-1] * 2', 2022: '=x[t-1] * 2', 2023: '=x[t-1] * 2' })]),
    );
    expect(at(m, 'x', 2023)).toBe(8);
  });

  it('lets a growth rate read last year’s GRDP growth (rows that read each other)', () => {
    const m = new Model(
      scenario([
        {
          ...(sector('a', 100, 0.1, 2021, 2021) as RowDef & { kind: 'sector' }),
          growth: { 2021: 0.1, 2022: '=grdp_growth[t-1] + 1%' },
        },
        sector('b', 100, 0),
      ]),
    );
    expect(at(m, 'a.growth', 2022)).toBeCloseTo(0.05 + 0.01, 12);
    expect(errorAt(m, 'grdp', 2030)).toBeUndefined();
  });

  it('supports min, max, abs, round, sum, mean, comparisons and the ternary', () => {
    const m = new Model(
      scenario([
        series('x', {
          2020: '=min(3, 1, 2) + max(1, 5) + abs(-2) + round(2.46, 1)',
          2021: '=sum(x[2020], 1) + mean(2, 4)',
          2022: '=x[2020] > 10 ? 1 : 0',
          2023: '=sum(x[2020:2021])',
          2024: '=(1 < 2) + (2 >= 3) + (1 == 1)',
        }),
      ]),
    );
    expect(at(m, 'x', 2020)).toBeCloseTo(1 + 5 + 2 + 2.5, 12);
    expect(at(m, 'x', 2021)).toBeCloseTo(10.5 + 1 + 3, 12);
    expect(at(m, 'x', 2022)).toBe(1);
    expect(at(m, 'x', 2023)).toBeCloseTo(10.5 + 14.5, 12);
    expect(at(m, 'x', 2024)).toBe(2);
  });
});

describe('cell errors', () => {
  const cases: [string, string][] = [
    ['=nope + 1', ErrorCode.NAME],
    ['=1 +', ErrorCode.SYNTAX],
    ['=1 / 0', ErrorCode.DIV0],
    ['=10 ^ 400', ErrorCode.NUM],
    ['=sqrt(-1)', ErrorCode.NUM],
    ['=x[1990]', ErrorCode.REF],
    ['=import(1)', ErrorCode.NAME],
    ['="text"', ErrorCode.SYNTAX],
    ['hello', ErrorCode.VALUE],
  ];
  it.each(cases)('%s gives %s in its own cell only', (formula, code) => {
    const m = new Model(
      scenario([series('x', { 2020: 1, 2021: formula, 2022: 3 }), series('y', { 2022: '=x[2022] * 2' })]),
    );
    expect(errorAt(m, 'x', 2021)).toBe(code);
    expect(at(m, 'x', 2020)).toBe(1);
    expect(at(m, 'y', 2022)).toBe(6);
  });

  it('marks a self-reference as #CYCLE', () => {
    const m = new Model(scenario([series('x', { 2020: '=x + 1', 2021: 5 })]));
    expect(errorAt(m, 'x', 2020)).toBe(ErrorCode.CYCLE);
    expect(at(m, 'x', 2021)).toBe(5);
  });

  it('marks a cycle between rows as #CYCLE and keeps independent cells', () => {
    const m = new Model(
      scenario([
        series('x', { 2020: '=y[t]', 2021: 7 }),
        series('y', { 2020: '=x[t]', 2021: '=x[t] + 1' }),
        series('z', { 2020: 2 }),
      ]),
    );
    expect(errorAt(m, 'x', 2020)).toBe(ErrorCode.CYCLE);
    expect(errorAt(m, 'y', 2020)).toBe(ErrorCode.CYCLE);
    expect(m.get('x')!.errors[0]?.key).toBe('cycle');
    expect(at(m, 'y', 2021)).toBe(8);
    expect(at(m, 'z', 2020)).toBe(2);
  });

  it('says a cell only reads a cycle when it is not on it', () => {
    const m = new Model(
      scenario([series('x', { 2020: '=y[t]' }), series('y', { 2020: '=x[t]', 2021: '=x[2020] + 1' })]),
    );
    expect(m.get('y')!.errors[0]?.key).toBe('cycle');
    expect(m.get('y')!.errors[1]?.code).toBe(ErrorCode.CYCLE);
    expect(m.get('y')!.errors[1]?.key).toBe('dependsOnCycle');
  });

  it('marks a growth rate that reads its own sector’s value in the same year as #CYCLE', () => {
    const m = new Model(
      scenario([
        {
          ...(sector('a', 100, 0.1, 2021, 2021) as RowDef & { kind: 'sector' }),
          growth: { 2021: 0.1, 2022: '=a[t] / 1000' },
        },
      ]),
    );
    expect(errorAt(m, 'a.growth', 2022)).toBe(ErrorCode.CYCLE);
    expect(at(m, 'a', 2021)).toBeCloseTo(110, 12);
    expect(errorAt(m, 'a', 2021)).toBeUndefined();
  });

  it('propagates an error to the cells that read it', () => {
    const m = new Model(scenario([sector('a', 100, 0.1), series('y', { 2025: '=a * 2' })]));
    m.setInput('a.growth', 2023, '=1/0');
    expect(errorAt(m, 'a', 2025)).toBe(ErrorCode.DIV0);
    expect(errorAt(m, 'y', 2025)).toBe(ErrorCode.DIV0);
    expect(at(m, 'a', 2022)).toBeCloseTo(121, 9);
  });
});

describe('editing', () => {
  it('recomputes dependants after one input edit, same as a fresh model', () => {
    const base = quangNinh.scenario;
    const m = new Model(base);
    m.setInput('manufacturing.growth', 2026, 0.3);
    const fresh = new Model(withInput(base, 'manufacturing.growth', 2026, 0.3));
    for (const v of fresh.variables) {
      expect(Array.from(m.get(v.id)!.values)).toEqual(Array.from(v.values));
    }
  });

  it('rebuilds the plan when an edit adds a dependency', () => {
    const m = new Model(scenario([series('x', { 2020: 1 }), series('y', { 2020: 5 })]));
    m.setInput('y', 2020, '=x * 10');
    expect(at(m, 'y', 2020)).toBe(10);
    m.setInput('x', 2020, 2);
    expect(at(m, 'y', 2020)).toBe(20);
  });

  it('refuses to edit a computed cell', () => {
    const m = new Model(quangNinh.scenario);
    expect(() => m.setInput('grdp', 2025, 1)).toThrow();
  });
});

describe('incremental recomputation', () => {
  const inputs = [
    'manufacturing.growth',
    'services.growth',
    'agriculture.price',
    'icor',
    'manufacturing',
    'investment',
  ];
  const texts = [
    0.3,
    -0.05,
    '=grdp_growth[t-1]',
    '=manufacturing.growth[t-1] + 1%',
    '=grdp[2025] / grdp[2024] - 1',
    '=services.growth * 0.8',
    '=mean(grdp_growth[2024:2026])',
    '=investment[t-1] / 1000000',
    '=1/0',
    '=x',
    '',
  ] as const;

  it('gives the same numbers as a fresh model after any sequence of edits', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.constantFrom(...inputs),
            year: fc.integer({ min: 2023, max: 2030 }),
            input: fc.constantFrom(...texts),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (edits) => {
          let scenario = quangNinh.scenario;
          const m = new Model(scenario);
          for (const { id, year, input } of edits) {
            if (!m.isInput(id, year)) continue;
            const value = input === '' ? undefined : input;
            m.setInput(id, year, value);
            scenario = withInput(scenario, id, year, value);
          }
          const fresh = new Model(scenario);
          for (const v of fresh.variables) {
            const got = m.get(v.id)!;
            expect(Array.from(got.values), v.id).toEqual(Array.from(v.values));
            expect(
              got.errors.map((e) => e?.code ?? null),
              v.id,
            ).toEqual(v.errors.map((e) => e?.code ?? null));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the economic structure', () => {
  const m = new Model(declaredScenario());

  it('adds up with the other groups to the whole of GRDP at current prices in every year', () => {
    m.years.forEach((year) => {
      const total = ECONOMIC_GROUPS.reduce((sum, g) => sum + at(m, structureVar(g), year), 0);
      expect(total).toBeCloseTo(1, 12);
    });
  });

  it('takes a group of several sectors from their current-price values, not their constant-price values', () => {
    const industry =
      (at(m, 'manufacturing.nominal', 2026) + at(m, 'other_industry.nominal', 2026)) / at(m, BUILTIN.grdpNominal, 2026);
    expect(at(m, structureVar('industry'), 2026)).toBeCloseTo(industry, 12);
    expect(at(m, structureVar('industry'), 2025)).toBeCloseTo(170000 / 368445, 12);
    const real = (at(m, 'manufacturing', 2026) + at(m, 'other_industry', 2026)) / at(m, BUILTIN.grdp, 2026);
    expect(Math.abs(at(m, structureVar('industry'), 2026) - real)).toBeGreaterThan(1e-4);
  });

  it('builds only the groups some sector belongs to, as percent rows', () => {
    const rows = declaredScenario().rows.map((r) =>
      r.kind === 'sector' && r.group === 'taxes' ? { ...r, group: undefined } : r,
    );
    const partial = new Model({ ...declaredScenario(), rows });
    expect(partial.get(structureVar('taxes'))).toBeUndefined();
    expect(partial.get(structureVar('services'))).toMatchObject({ role: 'structure', format: 'percent' });
  });

  it('builds no structure and no per capita for a scenario that declares neither, such as the template', () => {
    const template = new Model(quangNinh.scenario);
    for (const g of ECONOMIC_GROUPS) expect(template.get(structureVar(g))).toBeUndefined();
    expect(template.get(BUILTIN.grdpPerCapita)).toBeUndefined();
    expect(template.get(BUILTIN.grdpPerCapitaUsd)).toBeUndefined();
  });
});

describe('GRDP per capita', () => {
  const withRows = (change: (r: RowDef) => RowDef): Scenario => ({
    ...declaredScenario(),
    rows: declaredScenario().rows.map(change),
  });

  it('is 368,445 bn VND over 1,400 thousand people: 263.175 million VND, 10,402.17 USD at 25,300 VND per USD', () => {
    const m = new Model(declaredScenario());
    expect(at(m, BUILTIN.grdpNominal, 2025)).toBe(368445);
    // 368,445e9 VND / 1,400e3 persons = 263,175,000 VND; / 25,300 = 10,402.173913… USD.
    expect(at(m, BUILTIN.grdpPerCapita, 2025)).toBeCloseTo(263.175, 12);
    expect(at(m, BUILTIN.grdpPerCapitaUsd, 2025)).toBeCloseTo(263_175_000 / 25_300, 9);
    expect(at(m, BUILTIN.grdpPerCapitaUsd, 2025)).toBeCloseTo(10402.17, 2);
    expect(m.get(BUILTIN.grdpPerCapita)).toMatchObject({ role: 'grdpPerCapita', format: 'number' });
    expect(m.get(BUILTIN.grdpPerCapitaUsd)).toMatchObject({ role: 'grdpPerCapitaUsd', format: 'number' });
  });

  it('follows an edit of the population, as a model built with it would', () => {
    const m = new Model(declaredScenario());
    const before = at(m, BUILTIN.grdpPerCapitaUsd, 2027);
    m.setInput('population', 2027, 1500);
    expect(at(m, BUILTIN.grdpPerCapita, 2027)).toBeCloseTo(at(m, BUILTIN.grdpNominal, 2027) / 1500, 12);
    expect(at(m, BUILTIN.grdpPerCapitaUsd, 2027)).toBeCloseTo((before * 1420) / 1500, 9);
    const fresh = new Model(withInput(declaredScenario(), 'population', 2027, 1500));
    expect(at(fresh, BUILTIN.grdpPerCapitaUsd, 2027)).toBe(at(m, BUILTIN.grdpPerCapitaUsd, 2027));
  });

  it('follows an edit of a sector through GRDP at current prices', () => {
    const m = new Model(declaredScenario());
    const before = at(m, BUILTIN.grdpPerCapita, 2030);
    m.setInput(sectorVar('manufacturing', 'growth'), 2026, 0.4);
    expect(at(m, BUILTIN.grdpPerCapita, 2030)).toBeGreaterThan(before);
    expect(at(m, BUILTIN.grdpPerCapita, 2030)).toBeCloseTo(at(m, BUILTIN.grdpNominal, 2030) / 1450, 12);
  });

  it('can be read by a formula', () => {
    const scenario: Scenario = {
      ...declaredScenario(),
      rows: [...declaredScenario().rows, series('target_gap', { 2025: '=11800 - grdp_per_capita_usd' })],
    };
    const m = new Model(scenario);
    expect(at(m, 'target_gap', 2025)).toBeCloseTo(11800 - 263_175_000 / 25_300, 9);
  });

  it('is #DIV/0 in USD for a zero rate, and in both for a blank population year', () => {
    const m = new Model(withRows((r) => (r.id === 'usd_rate' ? ({ ...r, value: 0 } as RowDef) : r)));
    expect(errorAt(m, BUILTIN.grdpPerCapitaUsd, 2025)).toBe(ErrorCode.DIV0);
    expect(errorAt(m, BUILTIN.grdpPerCapita, 2025)).toBeUndefined();
    const blank = new Model(withInput(declaredScenario(), 'population', 2028, undefined));
    expect(errorAt(blank, BUILTIN.grdpPerCapita, 2028)).toBe(ErrorCode.DIV0);
    expect(errorAt(blank, BUILTIN.grdpPerCapitaUsd, 2028)).toBe(ErrorCode.DIV0);
    expect(errorAt(blank, BUILTIN.grdpPerCapita, 2029)).toBeUndefined();
  });

  it('carries the error of a population cell and of a row it names that is missing, without throwing', () => {
    const m = new Model(withInput(declaredScenario(), 'population', 2026, '=nope'));
    expect(errorAt(m, BUILTIN.grdpPerCapita, 2026)).toBe(ErrorCode.NAME);
    const missing = {
      ...declaredScenario(),
      meta: { ...declaredScenario().meta, perCapita: { population: 'population', usdRate: 'gone' } },
    };
    const built = new Model(missing);
    expect(errorAt(built, BUILTIN.grdpPerCapitaUsd, 2025)).toBe(ErrorCode.NAME);
    expect(errorAt(built, BUILTIN.grdpPerCapita, 2025)).toBeUndefined();
  });

  it('is #CYCLE when the population reads per capita, without throwing', () => {
    const m = new Model(withInput(declaredScenario(), 'population', 2026, '=grdp_per_capita * 5'));
    expect(errorAt(m, BUILTIN.grdpPerCapita, 2026)).toBe(ErrorCode.CYCLE);
    expect(errorAt(m, BUILTIN.grdpPerCapita, 2025)).toBeUndefined();
  });
});
