import type uPlot from 'uplot';
import type { Comparison } from '../../engine';
import {
  axisBase,
  drawTargetLabels,
  fitAxis,
  legendValue,
  SECTOR_COLOURS,
  targetLabel,
  targetSeries,
} from './chart-options';

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
  const legend =
    (format: (v: number) => string): uPlot.Series['value'] =>
    (u, _raw, si, i) =>
      legendValue(u.data[0], u.data[si] ?? [], i, format);
  const series: uPlot.Series[] = [{ label: input.yearLabel, value: legend(String) }];
  input.data.names.forEach((name, k) => {
    const stroke = SECTOR_COLOURS[k % SECTOR_COLOURS.length]!;
    const dash = DASHES[k % DASHES.length]!;
    series.push({
      label: input.shareLabel(name),
      scale: 'share',
      stroke,
      width: 3,
      dash,
      value: legend(input.formatPercent),
    });
    series.push({
      label: input.grdpLabel(name),
      scale: 'grdp',
      stroke,
      width: 1.25,
      dash,
      alpha: 0.75,
      value: legend(input.formatValue),
    });
  });
  series.push(targetSeries(input.targetWord, legend(input.formatPercent)));
  const labels = { labels: { target: input.targetWord }, formatPercent: input.formatPercent };
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
    hooks: {
      // Several share lines: labels go above their markers rather than away from one projection.
      draw: [
        (u) =>
          drawTargetLabels(u, {
            targets: series.length - 1,
            share: null,
            fontSize: 12,
            text: (year, v) => targetLabel(labels, year, v),
          }),
      ],
    },
  };
}
