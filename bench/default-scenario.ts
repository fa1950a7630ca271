import type { CellInput, Scenario, YearCells } from '../src/engine';

const INVESTMENT = '=icor * (grdp[t] - grdp[t-1])';

interface SectorInputs {
  readonly id: string;
  readonly base: number;
  readonly growth: Float64Array;
  readonly price: Float64Array;
}

/** The default scenario's inputs as plain arrays, and room for every row the hand-written loop computes. */
export interface Plain {
  readonly length: number;
  readonly sectors: readonly SectorInputs[];
  readonly icorValue: number;
  /** 1 where the investment row has its formula, 0 where it is blank. */
  readonly hasInvestment: Uint8Array;
  readonly value: Float64Array[];
  readonly nominal: Float64Array[];
  readonly share: Float64Array[];
  readonly grdp: Float64Array;
  readonly grdpNominal: Float64Array;
  readonly grdpGrowth: Float64Array;
  readonly recordedGrowth: number;
  readonly icor: Float64Array;
  readonly investment: Float64Array;
}

function num(input: CellInput | undefined, where: string): number {
  if (input === undefined) return 0;
  // The loop below knows only plain numbers; a formula here would make it compute something else.
  if (typeof input !== 'number') throw new Error(`hand-written loop expects a number at ${where}, got ${input}`);
  return input;
}

function yearly(cells: YearCells, baseYear: number, length: number, id: string): Float64Array {
  return Float64Array.from({ length }, (_, i) => (i === 0 ? 0 : num(cells[baseYear + i], `${id} ${baseYear + i}`)));
}

/** Reads the inputs of a scenario shaped like the Quảng Ninh template (sectors, icor, investment). */
export function plainOf(scenario: Scenario): Plain {
  const { baseYear, horizon } = scenario.meta;
  const length = horizon - baseYear + 1;
  const sectors: SectorInputs[] = [];
  let icorValue: number | undefined;
  const hasInvestment = new Uint8Array(length);
  for (const row of scenario.rows) {
    if (row.kind === 'sector') {
      sectors.push({
        id: row.id,
        base: num(row.base, row.id),
        growth: yearly(row.growth, baseYear, length, `${row.id}.growth`),
        price: yearly(row.price, baseYear, length, `${row.id}.price`),
      });
    } else if (row.kind === 'param' && row.id === 'icor') icorValue = num(row.value, 'icor');
    else if (row.kind === 'series' && row.id === 'investment') {
      for (const [year, input] of Object.entries(row.cells)) {
        if (input !== INVESTMENT || Number(year) === baseYear) throw new Error(`unexpected investment cell ${year}`);
        hasInvestment[Number(year) - baseYear] = 1;
      }
    } else if (row.kind !== 'target') throw new Error(`hand-written loop does not know row ${row.id}`);
  }
  if (icorValue === undefined) throw new Error('no icor parameter');
  const rows = (): Float64Array[] => sectors.map(() => new Float64Array(length));
  return {
    length,
    sectors,
    icorValue,
    hasInvestment,
    value: rows(),
    nominal: rows(),
    share: rows(),
    grdp: new Float64Array(length),
    grdpNominal: new Float64Array(length),
    grdpGrowth: new Float64Array(length),
    // The base year has no previous year to grow from: the engine shows the recorded rate there.
    recordedGrowth: scenario.history['grdp_growth']?.[scenario.meta.baseYear] ?? 0,
    icor: new Float64Array(length),
    investment: new Float64Array(length),
  };
}

/** The whole default model as plain loops over typed arrays; returns the last investment figure. */
export function computePlain(m: Plain): number {
  const { length, sectors } = m;
  for (let s = 0; s < sectors.length; s++) {
    const { base, growth: g, price: p } = sectors[s]!;
    const v = m.value[s]!;
    const n = m.nominal[s]!;
    v[0] = base;
    n[0] = base;
    for (let t = 1; t < length; t++) {
      v[t] = v[t - 1]! * (1 + g[t]!);
      n[t] = n[t - 1]! * (1 + g[t]!) * (1 + p[t]!);
    }
  }
  for (let t = 0; t < length; t++) {
    let real = 0;
    let nominal = 0;
    for (let s = 0; s < sectors.length; s++) {
      real += m.value[s]![t]!;
      nominal += m.nominal[s]![t]!;
    }
    m.grdp[t] = real;
    m.grdpNominal[t] = nominal;
    for (let s = 0; s < sectors.length; s++) m.share[s]![t] = m.nominal[s]![t]! / nominal;
    m.grdpGrowth[t] = t === 0 ? m.recordedGrowth : real / m.grdp[t - 1]! - 1;
    m.icor[t] = m.icorValue;
    m.investment[t] = m.hasInvestment[t] ? m.icor[t]! * (real - m.grdp[t - 1]!) : 0;
  }
  return m.investment[length - 1]!;
}

/** Engine variable ids paired with the hand-written row that must hold the same numbers. */
export function plainRows(m: Plain): [string, Float64Array][] {
  return [
    ...m.sectors.flatMap((s, k): [string, Float64Array][] => [
      [s.id, m.value[k]!],
      [`${s.id}.nominal`, m.nominal[k]!],
      [`${s.id}.share`, m.share[k]!],
    ]),
    ['grdp', m.grdp],
    ['grdp_nominal', m.grdpNominal],
    ['grdp_growth', m.grdpGrowth],
    ['icor', m.icor],
    ['investment', m.investment],
  ];
}
