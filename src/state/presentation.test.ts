import type uPlot from 'uplot';
import { describe, expect, it } from 'vitest';
import { applyLevers, chartSeries, Model, summarize, type Scenario } from '../engine';
import { quangNinh } from '../templates/quang-ninh';
import { buildChartOptions, toAlignedData, type ChartInput } from '../charts';
import { PresentationState, seriesMax } from './presentation.svelte';

const base = quangNinh.scenario;
const faster = applyLevers(base, { manufacturing: { mode: 'rate', value: 0.3 } });
const named = (s: Scenario, name: string): Scenario => ({ ...s, meta: { ...s.meta, name } });
const share2030 = (p: PresentationState) => p.headline.shareTargets.find((c) => c.year === 2030)!.value!;

function open(list: readonly Scenario[], current: Scenario = list[0]!): PresentationState {
  const p = new PresentationState(
    () => list,
    () => current,
  );
  p.enter();
  return p;
}

describe('PresentationState', () => {
  it('opens on the current scenario with no levers, showing its headline and chart', () => {
    const p = open([base]);
    expect(p.open).toBe(true);
    expect(p.scenario).toBe(base);
    expect(p.changed).toBe(false);
    expect(p.position).toBe('1 / 1');
    const model = new Model(base);
    expect(p.headline).toEqual(summarize(model, base));
    expect(p.chart).toEqual(chartSeries(model, base));
  });

  it('previews a rate lever: the same result as the engine on the levered scenario', () => {
    const p = open([base]);
    // The rate lever starts at the sector's rate in the last projection year (20% in 2030).
    expect(p.value('manufacturing')).toBeCloseTo(0.2, 12);
    p.setValue('manufacturing', 0.3);
    expect(p.changed).toBe(true);
    expect(p.levers).toEqual({ manufacturing: { mode: 'rate', value: 0.3 } });
    expect(share2030(p)).toBeCloseTo(summarize(new Model(faster), faster).shareTargets.at(-1)!.value!, 12);
    expect(share2030(p)).toBeGreaterThan(share2030(open([base])));
  });

  it('shifts in shift mode, keeps each mode’s values apart, and resets back to the scenario', () => {
    const p = open([base]);
    p.setValue('manufacturing', 0.3);
    p.setMode('shift');
    expect(p.value('manufacturing')).toBe(0);
    expect(p.scenario).toBe(base);
    p.setValue('services', -0.02);
    const services = p.scenario.rows.find((r) => r.id === 'services');
    expect(services?.kind === 'sector' && services.growth[2030]).toBeCloseTo(0.08, 12);
    p.reset();
    expect(p.changed).toBe(false);
    p.setMode('rate');
    expect(p.scenario).toBe(base);
  });

  it('ignores non-numbers and clamps extreme typed values', () => {
    const p = open([base]);
    p.setValue('manufacturing', Number.NaN);
    expect(p.changed).toBe(false);
    p.setValue('manufacturing', 5);
    expect(p.value('manufacturing')).toBe(1);
  });

  it('takes typed points or a typed range, shows them back, and refuses other text', () => {
    const p = open([base]);
    expect(p.text('manufacturing', 'vi')).toBe('20');
    expect(p.setText('manufacturing', '22,5', 'vi')).toBeUndefined();
    expect(p.value('manufacturing')).toBeCloseTo(0.225, 12);
    expect(p.text('manufacturing', 'vi')).toBe('22,5');
    // Points without the sign, as the field shows them, or with it, as in a cell.
    expect(p.setText('manufacturing', '16..24', 'vi')).toBeUndefined();
    expect(p.range('manufacturing')).toEqual({ kind: 'uniform', lo: 0.16, hi: 0.24 });
    expect(p.value('manufacturing')).toBeCloseTo(0.2, 12);
    expect(p.text('manufacturing', 'vi')).toBe('16%..24%');
    expect(p.scenario.uncertainty?.['manufacturing.growth']?.cells[2030]).toEqual({
      kind: 'uniform',
      lo: 0.16,
      hi: 0.24,
    });
    // Text that is neither leaves the range in place and says why.
    expect(p.setText('manufacturing', 'nhanh', 'vi')).toMatchObject({ key: 'notANumber' });
    expect(p.setText('manufacturing', '24%..16%', 'vi')).toMatchObject({ key: 'rangeOrder' });
    expect(p.range('manufacturing')).toEqual({ kind: 'uniform', lo: 0.16, hi: 0.24 });
    expect(p.error('manufacturing')).toMatchObject({ key: 'rangeOrder' });
    expect(p.error('services')).toBeUndefined();
    expect(p.setText('manufacturing', '1e999', 'vi')).toMatchObject({ key: 'notANumber' });
    // The slider sets a number again, drops the range and the complaint.
    p.setValue('manufacturing', 0.21);
    expect(p.error('manufacturing')).toBeUndefined();
    expect(p.range('manufacturing')).toBeUndefined();
    expect(p.scenario.uncertainty).toBeUndefined();
  });

  it('a shift range centres on each year’s rate and is kept with the scenario', () => {
    const p = open([base]);
    p.setMode('shift');
    expect(p.setText('manufacturing', 'normal(0%; 2%)', 'vi')).toBeUndefined();
    expect(p.changed).toBe(true);
    // A zero-centred shift leaves the central projection as it was.
    expect(share2030(p)).toBeCloseTo(
      summarize(new Model(base), base).shareTargets.find((c) => c.year === 2030)!.value!,
      12,
    );
    const kept = p.keepAsScenario('Kept');
    expect(kept.uncertainty?.['manufacturing.growth']?.cells[2030]).toEqual({ kind: 'normal', mean: 0.2, sd: 0.02 });
  });

  it('keeps the levered scenario under a new name', () => {
    const p = open([base]);
    p.setValue('manufacturing', 0.3);
    const kept = p.keepAsScenario('Nhanh');
    expect(kept.meta.name).toBe('Nhanh');
    expect(kept.rows).toEqual(faster.rows);
    expect(p.keepAsScenario().meta.name).toBe(base.meta.name);
  });

  it('steps through the scenarios from the open one, clamped at the ends, dropping levers', () => {
    const second = named(faster, 'Nhanh');
    const p = open([base, second], second);
    expect(p.position).toBe('2 / 2');
    expect(p.next()).toBe(false);
    p.setValue('services', 0.2);
    expect(p.previous()).toBe(true);
    expect(p.position).toBe('1 / 2');
    expect(p.base).toBe(base);
    expect(p.changed).toBe(false);
    expect(p.previous()).toBe(false);
  });

  it('falls back to the open scenario when the list is empty', () => {
    const p = open([], base);
    expect(p.position).toBe('1 / 1');
    expect(p.base).toBe(base);
  });

  it('pins the axes to the largest scenario while stepping, and grows them for a larger preview', () => {
    const p = open([base, faster]);
    const slow = seriesMax(chartSeries(new Model(base), base));
    const fast = seriesMax(chartSeries(new Model(faster), faster));
    expect(fast.grdp).toBeGreaterThan(slow.grdp);
    expect(p.scales).toEqual({ grdp: fast.grdp, share: Math.max(slow.share, fast.share) });
    p.next();
    expect(p.scales).toEqual({ grdp: fast.grdp, share: Math.max(slow.share, fast.share) });
    p.setValue('manufacturing', 0.4);
    expect(p.scales.grdp).toBeGreaterThan(fast.grdp);
  });

  it('toggles the theme and closes', () => {
    const p = open([base]);
    expect(p.theme).toBe('projector');
    p.toggleTheme();
    expect(p.theme).toBe('dark');
    p.leave();
    expect(p.open).toBe(false);
  });
});

describe('seriesMax', () => {
  it('takes the top of the stack and the highest of projected, recorded and target shares', () => {
    const data = chartSeries(new Model(base), base);
    const top = data.stacks.at(-1)!.filter((v): v is number => v !== null);
    const shares = [...data.share, ...data.shareHistory, ...data.shareTargets].filter((v): v is number => v !== null);
    expect(seriesMax(data)).toEqual({ grdp: Math.max(...top), share: Math.max(...shares) });
  });
});

describe('pinned chart scales', () => {
  const data = chartSeries(new Model(base), base);
  const input = (scales?: ChartInput['scales']): ChartInput => ({
    data,
    sectorLabels: data.sectors,
    labels: { share: 's', shareHistory: 'h', target: 't', year: 'y', value: 'v', shareAxis: 'a', title: 'T' },
    formatValue: String,
    formatPercent: String,
    scales,
  });
  // Only `data` is read by the scale ranges.
  const plot = { data: toAlignedData(data) } as unknown as uPlot;
  const top = (i: ChartInput, scale: 'grdp' | 'share') => {
    const range = buildChartOptions(i, { width: 900, height: 320 }).scales![scale]!.range as uPlot.Range.Function;
    return range(plot, 0, 0, scale)[1]!;
  };

  it('uses the given maxima instead of the data when pinned, and the data otherwise', () => {
    const own = seriesMax(data);
    expect(top(input(), 'grdp')).toBe(top(input(own), 'grdp'));
    expect(top(input({ grdp: own.grdp * 3, share: own.share }), 'grdp')).toBeGreaterThan(own.grdp * 3);
    expect(top(input({ grdp: own.grdp, share: 0.9 }), 'share')).toBeGreaterThanOrEqual(0.9);
  });
});
