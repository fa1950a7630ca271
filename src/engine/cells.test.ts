import { describe, expect, it } from 'vitest';
import { compiledAlone, modelSnapshot } from './fixtures';
import { Model } from './model';
import { withInput } from './scenario';
import { ErrorCode, type CellInput, type RowDef, type Scenario } from './types';

const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];

function series(id: string, cells: Record<number, CellInput>): RowDef {
  return { kind: 'series', id, label: id, format: 'number', cells };
}

function every(formula: string): Record<number, CellInput> {
  return Object.fromEntries(YEARS.map((y) => [y, formula]));
}

function sheet(...rows: RowDef[]): Scenario {
  return {
    meta: { name: 't', region: 't', baseYear: 2020, horizon: 2025, unit: 'u', focus: 'x' },
    rows: [series('x', { 2020: 1, 2021: 2, 2022: 4, 2023: 8, 2024: 16, 2025: 32 }), ...rows],
    history: {},
  };
}

const values = (m: Model, id: string): number[] => Array.from(m.get(id)!.values);

describe('formulas shared by the cells of a row', () => {
  it('compiles a formula held by every year of a row once, and each cell reads its own year', () => {
    const m = new Model(sheet(series('y', every('=x[t] * 10'))));
    expect(m.compiledFormulas).toBe(1);
    expect(values(m, 'y')).toEqual([10, 20, 40, 80, 160, 320]);
  });

  it('keeps offsets relative to each cell: y[t-1] reads the year before that cell', () => {
    const cells = { ...every('=y[t-1] + x[t]'), 2020: '=x[t]' };
    const m = new Model(sheet(series('y', cells)));
    expect(m.compiledFormulas).toBe(2);
    expect(values(m, 'y')).toEqual([1, 3, 7, 15, 31, 63]);
  });

  it('gives a cell edited away from its row’s formula its own, and the other years keep the row’s', () => {
    const scenario = sheet(series('y', every('=x[t] * 10')));
    const m = new Model(scenario);
    m.setInput('y', 2023, '=x[t] * 3 + y[t-1]');
    expect(m.compiledFormulas).toBe(2);
    expect(values(m, 'y')).toEqual([10, 20, 40, 64, 160, 320]);
    expect(modelSnapshot(m)).toEqual(modelSnapshot(new Model(withInput(scenario, 'y', 2023, '=x[t] * 3 + y[t-1]'))));
    // Back to the row's text: the cell takes the shared formula again, and its numbers.
    m.setInput('y', 2023, '=x[t] * 10');
    expect(modelSnapshot(m)).toEqual(modelSnapshot(new Model(scenario)));
  });

  it('reports a shared formula’s error in each cell that holds it, and only there', () => {
    const m = new Model(sheet(series('y', { ...every('=x[t] / (x[t] - 4)') })));
    const y = m.get('y')!;
    expect(y.errors.map((e) => e?.code ?? null)).toEqual([null, null, ErrorCode.DIV0, null, null, null]);
    expect(values(m, 'y')[3]).toBe(2);
  });

  it('gives the same numbers, errors and blanks as compiling each cell on its own', () => {
    const scenario = sheet(
      series('y', { ...every('=y[t-1] * 1.1 + x[t]'), 2020: '=x[t]', 2022: '' }),
      series('z', every('=sum(y[2020:t]) / max(1, t - 2021)')),
      series('w', every('=z[t+1]')),
      series('c', every('=c[t]')),
    );
    const alone = compiledAlone(scenario);
    const shared = new Model(scenario);
    const reference = new Model(alone);
    expect(shared.compiledFormulas).toBe(5);
    expect(reference.compiledFormulas).toBe(23);
    expect(modelSnapshot(shared)).toEqual(modelSnapshot(reference));
  });
});
