import { describe, expect, it } from 'vitest';
import { quangNinh } from '../templates/quang-ninh';
import { declaredScenario } from './fixtures';
import { validateScenario } from './validate';
import { BUILTIN, structureVar } from './variables';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('validateScenario', () => {
  it('accepts the template after a JSON round trip', () => {
    const result = validateScenario(clone(quangNinh.scenario));
    expect(result.ok).toBe(true);
  });

  it.each([
    ['null', null],
    ['a string', 'hello'],
    ['an array', []],
    ['no rows', { ...clone(quangNinh.scenario), rows: undefined }],
    ['an unknown row kind', { ...clone(quangNinh.scenario), rows: [{ kind: 'macro', id: 'x' }] }],
    [
      'a bad identifier',
      { ...clone(quangNinh.scenario), rows: [{ ...clone(quangNinh.scenario.rows[0]!), id: 'a b' }] },
    ],
    [
      'a __proto__ identifier',
      { ...clone(quangNinh.scenario), rows: [{ ...clone(quangNinh.scenario.rows[0]!), id: '__proto__' }] },
    ],
    [
      'duplicate row ids',
      { ...clone(quangNinh.scenario), rows: [quangNinh.scenario.rows[0], quangNinh.scenario.rows[0]] },
    ],
    ['a horizon past 2050', { ...clone(quangNinh.scenario), meta: { ...quangNinh.scenario.meta, horizon: 2200 } }],
    [
      'a base year after the horizon',
      { ...clone(quangNinh.scenario), meta: { ...quangNinh.scenario.meta, baseYear: 2040 } },
    ],
    [
      'a 10,000-character name',
      { ...clone(quangNinh.scenario), meta: { ...quangNinh.scenario.meta, name: 'x'.repeat(10_000) } },
    ],
    ['an extra property', { ...clone(quangNinh.scenario), evil: true }],
    [
      'a row named like a built-in',
      {
        ...clone(quangNinh.scenario),
        rows: [
          ...clone(quangNinh.scenario.rows),
          { kind: 'param', id: 'grdp', label: 'x', format: 'number', value: 1 },
        ],
      },
    ],
    [
      'a row named like a function',
      {
        ...clone(quangNinh.scenario),
        rows: [...clone(quangNinh.scenario.rows), { kind: 'param', id: 'sum', label: 'x', format: 'number', value: 1 }],
      },
    ],
  ])('rejects %s with a reason', (_what, data) => {
    const result = validateScenario(data);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
  });

  it('rejects non-finite numbers and oversized formulas in cells', () => {
    const rows = clone(quangNinh.scenario.rows);
    const big = { ...clone(quangNinh.scenario), rows: [{ ...rows[0]!, growth: { 2025: '='.padEnd(3000, '1') } }] };
    expect(validateScenario(big).ok).toBe(false);
    const nan = { ...clone(quangNinh.scenario), rows: [{ ...rows[0]!, base: Number.NaN }] };
    expect(validateScenario(nan).ok).toBe(false);
  });

  const ranged = (uncertainty: unknown, seed?: unknown) => ({
    ...clone(quangNinh.scenario),
    uncertainty,
    ...(seed === undefined ? {} : { seed }),
  });

  it('accepts ranges of every kind and a seed', () => {
    const result = validateScenario(
      ranged(
        {
          'manufacturing.growth': {
            draw: 'year',
            cells: {
              2026: { kind: 'uniform', lo: 0.16, hi: 0.24 },
              2027: { kind: 'normal', mean: 0.2, sd: 0.03 },
              2028: { kind: 'triangular', lo: 0.14, mode: 0.2, hi: 0.24 },
            },
          },
        },
        4_294_967_295,
      ),
    );
    expect(result.ok).toBe(true);
  });

  it.each([
    ['a range ending below its start', { x: { draw: 'run', cells: { 2026: { kind: 'uniform', lo: 0.3, hi: 0.1 } } } }],
    ['a zero spread', { x: { draw: 'run', cells: { 2026: { kind: 'normal', mean: 0.2, sd: 0 } } } }],
    ['a mode outside', { x: { draw: 'run', cells: { 2026: { kind: 'triangular', lo: 0, mode: 2, hi: 1 } } } }],
    ['an unknown kind', { x: { draw: 'run', cells: { 2026: { kind: 'cauchy', lo: 0, hi: 1 } } } }],
    ['an unknown draw mode', { x: { draw: 'sometimes', cells: {} } }],
    ['an infinite bound', { x: { draw: 'run', cells: { 2026: { kind: 'uniform', lo: 0, hi: Infinity } } } }],
    ['a bad year key', { x: { draw: 'run', cells: { soon: { kind: 'uniform', lo: 0, hi: 1 } } } }],
  ])('rejects %s', (_what, uncertainty) => {
    expect(validateScenario(ranged(uncertainty)).ok).toBe(false);
  });

  it.each([[-1], [1.5], [2 ** 32], ['42']])('rejects the seed %s', (seed) => {
    expect(validateScenario(ranged({}, seed)).ok).toBe(false);
  });

  it('keeps HTML in names as text: validation is about shape, rendering escapes it', () => {
    const data = {
      ...clone(quangNinh.scenario),
      meta: { ...quangNinh.scenario.meta, name: '<img src=x onerror=alert(1)>' },
    };
    const result = validateScenario(data);
    expect(result.ok && result.scenario.meta.name).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('names every JavaScript object has', () => {
  it.each(['toLocaleString', 'isPrototypeOf', 'propertyIsEnumerable'])(
    'refuses a row named %s that holds a range and a history, and says which',
    (id) => {
      const data = {
        ...clone(quangNinh.scenario),
        rows: [...clone(quangNinh.scenario.rows), { kind: 'series', id, label: id, format: 'number', cells: {} }],
        uncertainty: { [id]: { draw: 'run', cells: { 2026: { kind: 'uniform', lo: 1, hi: 2 } } } },
        history: { ...clone(quangNinh.scenario.history), [id]: { 2020: 1 } },
      };
      const result = validateScenario(data);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues.join(' ')).toContain(`row id ${id} is reserved`);
    },
  );
});

describe('history', () => {
  it('refuses 20,000 series but keeps one of a sector part such as manufacturing.share', () => {
    const history = Object.fromEntries(Array.from({ length: 20_000 }, (_, k) => [`x${k}`, { 2020: k }]));
    expect(validateScenario({ ...clone(quangNinh.scenario), history }).ok).toBe(false);
    const share = validateScenario({
      ...clone(quangNinh.scenario),
      history: { 'manufacturing.share': { 2020: 0.1 }, grdp: { 2020: 1 }, investment: { 2021: 2 } },
    });
    expect(share.ok && share.scenario.history['manufacturing.share']).toEqual({ 2020: 0.1 });
  });

  it.each(['nope', 'manufacturing.nope', 'toLocaleString'])('refuses a series of %s, which no row makes', (id) => {
    const result = validateScenario({ ...clone(quangNinh.scenario), history: { [id]: { 2020: 1 } } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.join(' ')).toContain(`history of ${id}`);
  });
});

describe('text shown to the planner', () => {
  const named = (meta: object) => ({ ...clone(quangNinh.scenario), meta: { ...quangNinh.scenario.meta, ...meta } });

  it('reads a name without the right-to-left override that disguises "exe.gpj" as "gpj.exe"', () => {
    const result = validateScenario(named({ name: 'Kế hoạch \u202Egpj.exe' }));
    expect(result.ok && result.scenario.meta.name).toBe('Kế hoạch gpj.exe');
  });

  it('reads each run of tabs and line breaks in a name as one space', () => {
    const result = validateScenario(named({ name: 'Kế\thoạch\r\n2030' }));
    expect(result.ok && result.scenario.meta.name).toBe('Kế hoạch 2030');
  });

  it('cleans region, unit and both languages of a row label', () => {
    const [first, ...rest] = clone(quangNinh.scenario.rows);
    const rows = [{ ...first!, label: { vi: 'Nông\u2066 nghiệp', en: 'Agri\u0000culture' } }, ...rest];
    const result = validateScenario({
      ...named({ region: { vi: 'Quảng\u200F Ninh', en: 'Quang\u061C Ninh' }, unit: 'tỷ\u009B đồng' }),
      rows,
    });
    expect(
      result.ok && [result.scenario.meta.region, result.scenario.meta.unit, result.scenario.rows[0]!.label],
    ).toEqual([{ vi: 'Quảng Ninh', en: 'Quang Ninh' }, 'tỷ đồng', { vi: 'Nông nghiệp', en: 'Agriculture' }]);
  });
});

describe('what validation lets through', () => {
  it('always builds a model: every accepted scenario from outside can be opened', async () => {
    const { Model } = await import('./model');
    const fc = (await import('fast-check')).default;
    const ids = fc.constantFrom(
      'grdp',
      'grdp_nominal',
      'grdp_growth',
      't',
      'sum',
      'icor',
      'x1',
      'manufacturing',
      'Infinity',
      'inflation',
    );
    // Free names must get through, or the property below would hold by rejecting everything.
    const free = new Set(['x1', 'inflation']);
    fc.assert(
      fc.property(ids, fc.constantFrom('param', 'series'), (id, kind) => {
        const row =
          kind === 'param'
            ? { kind, id, label: id, format: 'number', value: 1 }
            : { kind, id, label: id, format: 'number', cells: { 2025: '=1' } };
        const result = validateScenario({
          ...clone(quangNinh.scenario),
          rows: [...clone(quangNinh.scenario.rows), row],
        });
        expect(result.ok).toBe(free.has(id));
        if (result.ok) expect(() => new Model(result.scenario)).not.toThrow();
      }),
    );
  });
});

describe('the structure and per capita declarations', () => {
  const declared = (): Record<string, unknown> & { meta: Record<string, unknown>; rows: Record<string, unknown>[] } =>
    clone(declaredScenario()) as never;
  const issues = (data: unknown): string => {
    const result = validateScenario(data);
    return result.ok ? '' : result.issues.join(' | ');
  };

  it('accepts sectors in groups, per capita from a series and a parameter, and history of both', () => {
    const result = validateScenario(declared());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario).toEqual(declaredScenario());
  });

  it('refuses a group that is not an economic group', () => {
    const data = declared();
    data.rows[0] = { ...data.rows[0], group: 'mining' };
    expect(issues(data)).toContain('rows.0.group');
  });

  it.each([
    [
      'a row that does not exist',
      { population: 'nobody', usdRate: 'usd_rate' },
      'meta.perCapita.population: no row nobody',
    ],
    [
      'a sector',
      { population: 'population', usdRate: 'services' },
      'meta.perCapita.usdRate: row services is a sector, not a series or a parameter',
    ],
  ])('refuses per capita from %s and says which', (_what, perCapita, message) => {
    const data = declared();
    data.meta = { ...data.meta, perCapita };
    expect(issues(data)).toContain(message);
  });

  it('refuses per capita without its rate or with another field', () => {
    for (const perCapita of [{ population: 'population' }, { population: 'population', usdRate: 'usd_rate', x: 1 }]) {
      const data = declared();
      data.meta = { ...data.meta, perCapita };
      expect(validateScenario(data).ok).toBe(false);
    }
  });

  it('refuses history of per capita or of a group share the scenario does not build', () => {
    const template = clone(quangNinh.scenario);
    for (const id of [BUILTIN.grdpPerCapitaUsd, structureVar('industry')]) {
      expect(issues({ ...template, history: { [id]: { 2024: 1 } } })).toContain(`history of ${id}`);
    }
    const data = declared();
    data.history = { [structureVar('agriculture')]: { 2024: 0.045 } };
    data.rows = data.rows.map((r) => (r.id === 'agriculture' ? { ...r, group: undefined } : r));
    expect(issues(JSON.parse(JSON.stringify(data)))).toContain(`history of ${structureVar('agriculture')}`);
  });

  it('keeps a row named like per capita (saved before it was built in) unless the scenario builds per capita', () => {
    const row = { kind: 'series', id: BUILTIN.grdpPerCapita, label: 'x', format: 'number', cells: {} };
    const template = clone(quangNinh.scenario);
    expect(validateScenario({ ...template, rows: [...template.rows, row] }).ok).toBe(true);
    const data = declared();
    expect(issues({ ...data, rows: [...data.rows, row] })).toContain(
      `row id ${BUILTIN.grdpPerCapita} is the name of a built-in`,
    );
  });
});

describe('target sets', () => {
  const withBand = (upper: unknown, targetSet?: unknown) => {
    const s = clone(declaredScenario());
    return {
      ...s,
      meta: { ...s.meta, ...(targetSet === undefined ? {} : { targetSet }) },
      rows: [
        ...s.rows,
        { kind: 'target', id: 'band', label: 'b', of: structureVar('industry'), cells: { 2030: 0.47 }, upper },
      ],
    };
  };

  it('accepts a target with upper bounds and the id of a target set', () => {
    expect(validateScenario(withBand({ 2030: 0.48 }, 'master-plan-80')).ok).toBe(true);
  });

  it.each([
    ['a formula in an upper cell', withBand({ 2030: '=0.48' })],
    ['a year that is not a year', withBand({ next: 0.48 })],
    ['an infinite upper bound', withBand({ 2030: Infinity })],
    [
      'more upper cells than a row may hold',
      withBand(Object.fromEntries(Array.from({ length: 121 }, (_, k) => [1900 + k, 1]))),
    ],
    ['an empty target set id', withBand({}, '')],
    ['a target set id of 101 characters', withBand({}, 'x'.repeat(101))],
    ['a target set id with a bidi override', withBand({}, 'plan\u202e')],
    ['a target set id that is not text', withBand({}, 80)],
  ])('refuses %s', (_, data) => {
    expect(validateScenario(data).ok).toBe(false);
  });
});

describe('validateScenario reads cells by year', () => {
  // The first sector's growth cells replaced by `growth`, its target's upper bounds by `upper`, or a history series.
  const withCells = (part: 'growth' | 'upper' | 'history', cells: unknown) => {
    const s = clone(quangNinh.scenario) as unknown as {
      rows: Record<string, unknown>[];
      history: Record<string, unknown>;
    };
    if (part === 'growth') s.rows[0]!.growth = cells;
    if (part === 'upper') s.rows.find((r) => r.kind === 'target')!.upper = cells;
    if (part === 'history') s.history[Object.keys(s.history)[0]!] = cells;
    return s;
  };
  const read = (part: 'growth' | 'upper' | 'history', cells: unknown) => {
    const result = validateScenario(withCells(part, cells));
    if (!result.ok) return result.issues.join('; ');
    const s = result.scenario as unknown as { rows: Record<string, unknown>[]; history: Record<string, unknown> };
    if (part === 'growth') return s.rows[0]!.growth;
    if (part === 'upper') return s.rows.find((r) => r.kind === 'target')!.upper;
    return s.history[Object.keys(s.history)[0]!];
  };
  const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [String(1950 + i), 0.1]));

  it.each(['growth', 'upper', 'history'] as const)('keeps the %s cells of a plain object as they are', (part) => {
    expect(read(part, { 2026: 0.1, 2030: 0.25 })).toEqual({ 2026: 0.1, 2030: 0.25 });
    expect(read(part, many(120))).toEqual(many(120));
    expect(read(part, {})).toEqual({});
  });

  it.each(['growth', 'upper', 'history'] as const)(
    'refuses %s cells with a key that is not a year, a value out of bounds or too many years',
    (part) => {
      expect(read(part, { 20301: 0.1 })).toMatch(/Invalid format/);
      expect(read(part, { year: 0.1 })).toMatch(/Invalid format/);
      expect(read(part, { 2030: Number.NaN })).toMatch(/Invalid type/);
      expect(read(part, { 2030: Infinity })).toMatch(/Invalid/);
      expect(read(part, { 2030: true })).toMatch(/Invalid type/);
      expect(read(part, many(121))).toMatch(/Invalid input/);
    },
  );

  it('reads formulas in input cells up to their length limit, and numbers only in bounds and history', () => {
    expect(read('growth', { 2030: '=1%', 2031: '='.padEnd(2000, '1') })).toEqual({
      2030: '=1%',
      2031: '='.padEnd(2000, '1'),
    });
    expect(read('growth', { 2030: '='.padEnd(2001, '1') })).toMatch(/Invalid length/);
    expect(read('upper', { 2030: '=1%' })).toMatch(/Invalid type/);
    expect(read('history', { 2030: '0.1' })).toMatch(/Invalid type/);
  });

  it('passes over the keys it has always ignored, and reads cells that are not plain objects as before', () => {
    expect(read('growth', JSON.parse('{"2030": 0.1, "__proto__": {"2031": 5}}'))).toEqual({ 2030: 0.1 });
    expect(Object.keys(read('growth', { 2030: 0.1, constructor: 'x', prototype: 'y' }) as object)).toEqual(['2030']);
    const bare = Object.assign(Object.create(null) as object, { 2030: 0.1 });
    expect(read('growth', bare)).toEqual({ 2030: 0.1 });
    expect(read('growth', [])).toEqual({});
    expect(read('growth', 'x')).toMatch(/Invalid type/);
    expect(read('growth', null)).toMatch(/Invalid type/);
  });
});
