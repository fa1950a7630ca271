import uPlot from 'uplot';
import type { MessageKey } from '../../i18n';
import type { ChartSeries } from '../../engine';

/** Translated texts of the scenario chart. */
export interface ChartLabels {
  readonly share: string;
  readonly shareHistory: string;
  readonly target: string;
  readonly year: string;
  readonly value: string;
  readonly shareAxis: string;
  readonly title: string;
}

/** The chart's texts in the interface language, for the focus sector's name and the value unit. */
export function chartLabels(
  t: (key: MessageKey, args?: Record<string, string>) => string,
  name: string,
  unit: string,
): ChartLabels {
  return {
    share: t('chart.share', { name }),
    shareHistory: t('chart.shareHistory', { name }),
    target: t('chart.target'),
    year: t('chart.year'),
    value: t('chart.value', { unit }),
    shareAxis: t('chart.shareAxis'),
    title: t('chart.title', { name }),
  };
}

/** What the chart shows; the formatters and `data` are read lazily, so an object with getters stays current. */
export interface ChartInput {
  readonly data: ChartSeries;
  /** Same order as `data.sectors`, already translated. */
  readonly sectorLabels: readonly string[];
  readonly labels: ChartLabels;
  /** Formats a GRDP value (axis ticks and legend). */
  readonly formatValue: (v: number) => string;
  /** Formats a share (axis ticks, legend and target labels). */
  readonly formatPercent: (v: number, digits?: number) => string;
  /** Pinned data maxima for both y axes (GRDP, share), so the axes stay put while scenarios change. */
  readonly scales?: { readonly grdp: number; readonly share: number } | undefined;
  /** Text size of axes and target labels in CSS pixels (12 unless given, larger on a projector). */
  readonly fontSize?: number | undefined;
}

/** Okabe–Ito colours for the sector areas, bottom of the stack first; vermillion and black are kept for the share. */
export const SECTOR_COLOURS: readonly string[] = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#56B4E9',
  '#CC79A7',
  '#F0E442',
  '#999999',
];

const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const FONT = `12px ${FONT_FAMILY}`;
const TEXT = '#3d3d3d';
const GRID = '#e8e8e8';
const SHARE = '#1f1f1f';
const TARGET = '#D55E00';
// Darker than the marker so the label text passes WCAG contrast on white.
const TARGET_TEXT = '#9a3c00';
const AREA_ALPHA = 0.6;
const DIAMOND_SIZE = 13;
// In years.
const X_MARGIN = 0.2;

/** Index of each uPlot series for a chart with `sectorCount` sectors (0 is the year). */
export function seriesIndex(sectorCount: number): { share: number; history: number; targets: number } {
  return { share: sectorCount + 1, history: sectorCount + 2, targets: sectorCount + 3 };
}

/** The sector's colour, cycling through the palette when there are more sectors than colours. */
export function sectorColour(k: number): string {
  return SECTOR_COLOURS[k % SECTOR_COLOURS.length]!;
}

function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** uPlot's aligned data: years, the cumulative stacks, then projected share, recorded share and targets. */
export function toAlignedData(data: ChartSeries): uPlot.AlignedData {
  return [
    data.years.slice(),
    ...data.stacks.map((row) => row.slice()),
    data.share.slice(),
    data.shareHistory.slice(),
    data.shareTargets.slice(),
  ];
}

const NICE_STEPS = [1, 2, 2.5, 5, 10];
// Head room over the data: the stack top may touch the frame, a target needs room for its label.
const GRDP_HEADROOM = 1.03;
const SHARE_HEADROOM = 1.1;

function niceCeil(x: number): number {
  const mag = Math.pow(10, Math.floor(Math.log10(x)));
  const m = NICE_STEPS.find((n) => n * mag >= x * (1 - 1e-9)) ?? 10;
  return m * mag;
}

/** Tops of both y scales (both start at 0) with the same number of nice divisions, so one grid serves both. */
export function alignedScales(grdpMax: number, shareMax: number): { divisions: number; grdp: number; share: number } {
  const g = (grdpMax > 0 && Number.isFinite(grdpMax) ? grdpMax : 1) * GRDP_HEADROOM;
  const sh = (shareMax > 0 && Number.isFinite(shareMax) ? shareMax : 0.1) * SHARE_HEADROOM;
  let best = { divisions: 0, grdp: 0, share: 0 };
  let waste = Infinity;
  for (let n = 3; n <= 7; n++) {
    const grdp = niceCeil(g / n) * n;
    const share = niceCeil(sh / n) * n;
    // Ratio of axis to data, summed over both axes: the less empty space the better.
    const w = grdp / g + share / sh;
    if (w < waste - 1e-9) {
      waste = w;
      best = { divisions: n, grdp, share };
    }
  }
  return best;
}

function rowMax(row: ArrayLike<number | null | undefined> | undefined): number {
  let m = -Infinity;
  for (let i = 0; row && i < row.length; i++) {
    const v = row[i];
    if (v !== null && v !== undefined && v > m) m = v;
  }
  return m;
}

function chartScales(
  u: uPlot,
  sectorCount: number,
  pinned?: ChartInput['scales'],
): { divisions: number; grdp: number; share: number } {
  // Pinned maxima win over the data, so stepping through scenarios keeps one frame.
  if (pinned) return alignedScales(pinned.grdp, pinned.share);
  const { share, targets } = seriesIndex(sectorCount);
  let shareMax = -Infinity;
  for (let si = share; si <= targets; si++) shareMax = Math.max(shareMax, rowMax(u.data[si]));
  return alignedScales(rowMax(u.data[sectorCount]), shareMax);
}

function evenSplits(top: number, divisions: number): number[] {
  return Array.from({ length: divisions + 1 }, (_, k) => (top / divisions) * k);
}

/** Label of a share target, e.g. "Mục tiêu 15% (2025)". */
export function targetLabel(
  input: { readonly labels: { readonly target: string }; readonly formatPercent: (v: number) => string },
  year: number,
  value: number,
): string {
  return `${input.labels.target} ${input.formatPercent(value)} (${year})`;
}

/** Share targets as a series of labelled diamonds on the share scale, without a line between them. */
export function targetSeries(label: string, value: uPlot.Series['value']): uPlot.Series {
  return {
    label,
    scale: 'share',
    class: 'chart-target',
    stroke: TARGET,
    fill: '#ffffff',
    width: 2,
    paths: () => null,
    points: { show: true, width: 2.5, stroke: TARGET, fill: '#ffffff', paths: diamonds },
    value,
  };
}

/** Where the target series and the projected share (if one) sit, and how the labels read. */
export interface TargetLabelling {
  readonly targets: number;
  readonly share: number | null;
  /** The y scale of the targets ('share' unless given). */
  readonly scale?: string;
  readonly fontSize: number;
  readonly text: (year: number, value: number) => string;
}

/**
 * Legend text of a series at the hovered index; with the cursor outside the plot, its last value instead of
 * uPlot's "--", followed by the year when that is not the last year (recorded shares end before the horizon).
 */
export function legendValue(
  years: ArrayLike<number>,
  row: ArrayLike<number | null | undefined>,
  idx: number | null,
  format: (v: number) => string,
): string {
  let i = idx ?? row.length - 1;
  if (idx === null) while (i > 0 && (row[i] === null || row[i] === undefined)) i--;
  const v = row[i];
  if (v === null || v === undefined) return '–';
  return idx === null && i < years.length - 1 ? `${format(v)} (${years[i]})` : format(v);
}

/** Sizes a y axis to its widest tick label. */
export function fitAxis(u: uPlot, values: string[] | null): number {
  return fitAxisIn(FONT, u, values);
}

function fitAxisIn(font: string, u: uPlot, values: string[] | null): number {
  if (!values?.length) return 40;
  // save/restore keeps uPlot's cached ctx.font valid.
  u.ctx.save();
  u.ctx.font = font;
  const widest = Math.max(...values.map((v) => u.ctx.measureText(v).width));
  u.ctx.restore();
  return Math.ceil(widest) + 14;
}

function diamonds(u: uPlot, seriesIdx: number, idx0: number, idx1: number): uPlot.Series.Points.Paths {
  const path = new Path2D();
  const r = (DIAMOND_SIZE / 2) * uPlot.pxRatio;
  const ys = u.data[seriesIdx]!;
  const scale = u.series[seriesIdx]?.scale ?? 'share';
  for (let i = idx0; i <= idx1; i++) {
    const v = ys[i];
    if (v === null || v === undefined) continue;
    const x = u.valToPos(u.data[0][i]!, 'x', true);
    const y = u.valToPos(v, scale, true);
    path.moveTo(x, y - r);
    path.lineTo(x + r, y);
    path.lineTo(x, y + r);
    path.lineTo(x - r, y);
    path.closePath();
  }
  return { stroke: path, fill: path, flags: 0 };
}

// Each target gets its label on the side away from the projection, so the text never sits on the line,
// unless the plot has no room there; it is kept inside the plot horizontally.
/** Draws each target's label beside its marker (a uPlot draw hook). */
export function drawTargetLabels(
  u: uPlot,
  { targets, share, scale = 'share', fontSize, text: labelText }: TargetLabelling,
): void {
  if (!u.series[targets]?.show) return;
  const px = uPlot.pxRatio;
  const { ctx, bbox } = u;
  const offset = (DIAMOND_SIZE / 2 + 5) * px;
  const textHeight = (fontSize + 3) * px;
  ctx.save();
  ctx.font = `600 ${fontSize * px}px ${FONT_FAMILY}`;
  ctx.textAlign = 'center';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 4 * px;
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
  ctx.fillStyle = TARGET_TEXT;
  u.data[targets]!.forEach((v, i) => {
    if (v === null || v === undefined) return;
    const year = u.data[0][i]!;
    const text = labelText(year, v);
    const half = ctx.measureText(text).width / 2;
    const x = Math.min(Math.max(u.valToPos(year, 'x', true), bbox.left + half), bbox.left + bbox.width - half);
    const y = u.valToPos(v, scale, true);
    const projected = share === null ? null : u.data[share]?.[i];
    const fitsAbove = y - offset - textHeight >= bbox.top;
    const fitsBelow = y + offset + textHeight <= bbox.top + bbox.height;
    const prefersBelow = projected !== null && projected !== undefined && projected > v;
    const below = prefersBelow ? fitsBelow || !fitsAbove : !fitsAbove && fitsBelow;
    ctx.textBaseline = below ? 'top' : 'bottom';
    const ty = below ? y + offset : y - offset;
    ctx.strokeText(text, x, ty);
    ctx.fillText(text, x, ty);
  });
  ctx.restore();
}

/** Axis styling shared by the charts. */
export const axisBase: uPlot.Axis = {
  font: FONT,
  labelFont: FONT,
  stroke: TEXT,
  gap: 6,
  ticks: { show: false },
  border: { show: false },
};

/** uPlot options for the scenario chart: stacked sector areas (GRDP, left axis) and the focus share (right axis). */
export function buildChartOptions(input: ChartInput, size: { width: number; height: number }): uPlot.Options {
  const sectorCount = input.data.sectors.length;
  // Read once: uPlot bakes fonts in at creation, and ScenarioChart rebuilds when the size changes.
  const fontSize = input.fontSize ?? 12;
  const font = `${fontSize}px ${FONT_FAMILY}`;
  const axis: uPlot.Axis = { ...axisBase, font, labelFont: font };
  const labelSize = fontSize + 8;
  const fitAxisSize = (u: uPlot, values: string[] | null): number => fitAxisIn(font, u, values);
  const scales = (u: uPlot) => chartScales(u, sectorCount, input.scales);

  const sectors: uPlot.Series[] = input.data.sectors.map((id, k) => ({
    label: input.sectorLabels[k] ?? id,
    scale: 'grdp',
    class: 'chart-sector',
    stroke: sectorColour(k),
    fill: withAlpha(sectorColour(k), AREA_ALPHA),
    width: 1,
    points: { show: false },
    value: (u, _raw, _si, i) => legendValue(u.data[0], input.data.values[k] ?? [], i, input.formatValue),
  }));
  const percent = (u: uPlot, _raw: number, si: number, i: number | null): string =>
    legendValue(u.data[0], u.data[si] ?? [], i, input.formatPercent);

  // Bands fill from each stack down to the one below it; the bottom stack fills down to zero on its own.
  const bands: uPlot.Band[] = input.data.sectors.slice(1).map((_, k): uPlot.Band => ({ series: [k + 2, k + 1] }));

  return {
    width: size.width,
    height: size.height,
    series: [
      { label: input.labels.year, value: (u, _raw, _si, i) => legendValue(u.data[0], u.data[0], i, String) },
      ...sectors,
      {
        label: input.labels.share,
        scale: 'share',
        stroke: SHARE,
        width: 2.5,
        points: { show: false },
        value: percent,
      },
      {
        label: input.labels.shareHistory,
        scale: 'share',
        class: 'chart-history',
        stroke: SHARE,
        fill: SHARE,
        width: 2,
        paths: () => null,
        points: { show: true, size: 10, width: 1.5, stroke: '#ffffff', fill: SHARE },
        value: percent,
      },
      targetSeries(input.labels.target, percent),
    ],
    bands,
    scales: {
      // A little room at both ends, so the first and last years' markers clear the axes.
      x: { time: false, range: (_u, min, max) => [min - X_MARGIN, max + X_MARGIN] },
      grdp: { range: (u) => [0, scales(u).grdp] },
      share: { range: (u) => [0, scales(u).share] },
    },
    axes: [
      {
        ...axis,
        // Whole years only: no fractional steps, no thousands separator.
        incrs: [1, 2, 5, 10, 20, 50],
        space: Math.max(44, fontSize * 4),
        values: (_u, splits) => splits.map((v) => String(Math.round(v))),
        grid: { show: false },
      },
      {
        ...axis,
        scale: 'grdp',
        side: 3,
        label: input.labels.value,
        labelSize,
        size: fitAxisSize,
        splits: (u, _axis, _min, max) => evenSplits(max, scales(u).divisions),
        values: (_u, splits) => splits.map((v) => input.formatValue(v)),
        grid: { stroke: GRID, width: 1 },
      },
      {
        ...axis,
        scale: 'share',
        side: 1,
        label: input.labels.shareAxis,
        labelSize,
        size: fitAxisSize,
        splits: (u, _axis, _min, max) => evenSplits(max, scales(u).divisions),
        // Ticks usually fall on whole percentages: show decimals only when a tick needs them.
        values: (_u, splits) => {
          const whole = splits.every((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9);
          return splits.map((v) => input.formatPercent(v, whole ? 0 : 1));
        },
        grid: { show: false },
      },
    ],
    cursor: {
      y: false,
      drag: { x: false, y: false, setScale: false },
      points: { size: 8 },
      // The crosshair snaps to the year whose values the legend shows; a negative left means "outside the plot".
      move: (u, left, top) => (left < 0 ? [left, top] : [u.valToPos(u.data[0][u.posToIdx(left)] ?? 0, 'x'), top]),
    },
    legend: { show: true, live: true },
    hooks: {
      draw: [
        (u) =>
          drawTargetLabels(u, {
            targets: seriesIndex(sectorCount).targets,
            share: seriesIndex(sectorCount).share,
            fontSize,
            text: (year, v) => targetLabel(input, year, v),
          }),
      ],
    },
  };
}
