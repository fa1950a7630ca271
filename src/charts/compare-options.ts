import type uPlot from 'uplot';
import type { Comparison } from '../engine';
import { FONT_SIZE, legendOf, sectorColour, targetLabelHook, targetSeries, valueAxis, yearAxis } from './kit';

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
  /** Legend and label word for a share target ("Mục tiêu"). */
  readonly targetWord: string;
  readonly formatValue: (v: number) => string;
  readonly formatPercent: (v: number, digits?: number) => string;
}

/** The comparison's data in uPlot's layout: years, each scenario's share and GRDP, then the share targets. */
export function compareData(data: Comparison): uPlot.AlignedData {
  return [data.years.slice(), ...data.share.flatMap((share, k) => [share, data.grdp[k]!]), data.targets.slice()];
}

/** Number of uPlot series the chart has for a comparison (years, two per scenario, targets). */
export function compareSeriesCount(data: Comparison): number {
  return data.names.length * 2 + 2;
}

/** uPlot options: per scenario a thick share line (right axis) and a thin GRDP line (left axis), same colour and dash. */
export function compareOptions(input: CompareChartInput, size: { width: number; height: number }): uPlot.Options {
  // With the cursor outside the plot the legend shows each line's last value, as on the scenario chart.
  const series: uPlot.Series[] = [{ label: input.yearLabel, value: legendOf(String) }];
  input.data.names.forEach((name, k) => {
    const stroke = sectorColour(k);
    const dash = DASHES[k % DASHES.length]!;
    series.push({
      label: input.shareLabel(name),
      scale: 'share',
      stroke,
      width: 3,
      dash,
      value: legendOf(input.formatPercent),
    });
    series.push({
      label: input.grdpLabel(name),
      scale: 'grdp',
      stroke,
      width: 1.25,
      dash,
      alpha: 0.75,
      value: legendOf(input.formatValue),
    });
  });
  series.push(targetSeries(input.targetWord, legendOf(input.formatPercent)));
  const words = { labels: { target: input.targetWord }, formatPercent: input.formatPercent };
  return {
    ...size,
    series,
    scales: {
      x: { time: false },
      grdp: { range: (_u, _min, max) => [0, max * 1.05] },
      share: { range: (_u, _min, max) => [0, max * 1.1] },
    },
    axes: [
      yearAxis(),
      valueAxis('grdp', 3, input.valueAxis, (_u, s) => s.map((v) => input.formatValue(v))),
      valueAxis('share', 1, input.shareAxis, (_u, s) => s.map((v) => input.formatPercent(v, 0)), { grid: false }),
    ],
    cursor: { y: false, drag: { x: false, y: false } },
    legend: { show: true, live: true },
    hooks: {
      // Several share lines: labels go above their markers rather than away from one projection.
      draw: [targetLabelHook({ targets: series.length - 1, share: null, fontSize: FONT_SIZE }, words)],
    },
  };
}
