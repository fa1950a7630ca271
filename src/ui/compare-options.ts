import type uPlot from 'uplot';
import type { Comparison } from '../engine';
import { axisBase, fitAxis, SECTOR_COLOURS } from './chart-options';

/** Dash patterns by scenario, so scenarios differ by more than colour. */
const DASHES: readonly number[][] = [[], [10, 5], [3, 4], [12, 4, 3, 4]];

/** Texts and formatters the comparison chart needs. */
export interface CompareChartInput {
  readonly data: Comparison;
  readonly shareLabel: (scenario: string) => string;
  readonly grdpLabel: (scenario: string) => string;
  readonly yearLabel: string;
  readonly shareAxis: string;
  readonly valueAxis: string;
  readonly formatValue: (v: number) => string;
  readonly formatPercent: (v: number, digits?: number) => string;
}

/** The comparison's data in uPlot's layout: years, then each scenario's share and GRDP. */
export function compareData(data: Comparison): uPlot.AlignedData {
  return [data.years, ...data.share.flatMap((share, k) => [share, data.grdp[k]!])] as uPlot.AlignedData;
}

/** uPlot options: per scenario a thick share line (right axis) and a thin GRDP line (left axis), same colour and dash. */
export function compareOptions(input: CompareChartInput, size: { width: number; height: number }): uPlot.Options {
  const series: uPlot.Series[] = [{ label: input.yearLabel, value: (_u, v) => (v == null ? '—' : String(v)) }];
  input.data.names.forEach((name, k) => {
    const stroke = SECTOR_COLOURS[k % SECTOR_COLOURS.length]!;
    const dash = DASHES[k % DASHES.length]!;
    series.push({
      label: input.shareLabel(name),
      scale: 'share',
      stroke,
      width: 3,
      dash,
      value: (_u, v) => (v == null ? '—' : input.formatPercent(v)),
    });
    series.push({
      label: input.grdpLabel(name),
      scale: 'grdp',
      stroke,
      width: 1.25,
      dash,
      alpha: 0.75,
      value: (_u, v) => (v == null ? '—' : input.formatValue(v)),
    });
  });
  return {
    ...size,
    series,
    scales: {
      x: { time: false },
      grdp: { range: (_u, _min, max) => [0, max * 1.05] },
      share: { range: (_u, _min, max) => [0, max * 1.1] },
    },
    axes: [
      { ...axisBase, incrs: [1, 2, 5, 10], values: (_u, splits) => splits.map((v) => String(Math.round(v))) },
      {
        ...axisBase,
        scale: 'grdp',
        side: 3,
        label: input.valueAxis,
        labelSize: 20,
        size: fitAxis,
        values: (_u, s) => s.map((v) => input.formatValue(v)),
        grid: { stroke: '#e6e6e6', width: 1 },
      },
      {
        ...axisBase,
        scale: 'share',
        side: 1,
        label: input.shareAxis,
        labelSize: 20,
        size: fitAxis,
        values: (_u, s) => s.map((v) => input.formatPercent(v, 0)),
        grid: { show: false },
      },
    ],
    cursor: { y: false, drag: { x: false, y: false } },
    legend: { show: true, live: true },
  };
}
