import uPlot from 'uplot';

/** The Okabe–Ito colours: told apart by colour-blind readers, used by every chart of the app. */
export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  sky: '#56B4E9',
  purple: '#CC79A7',
  yellow: '#F0E442',
  vermillion: '#D55E00',
} as const;

/** Colours of the sector areas (and of scenarios when compared), bottom of the stack first; vermillion and ink are kept for targets and the share. */
export const SECTOR_COLOURS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.green,
  OKABE_ITO.sky,
  OKABE_ITO.purple,
  OKABE_ITO.yellow,
  '#999999',
];

/** Titles and the focus share line. */
export const INK = '#1f1f1f';
/** Axis and tick text. */
export const TEXT = '#3d3d3d';
/** Secondary text: the scenario name and source line of the chart image. */
export const MUTED = '#555555';
/** Grid lines. */
export const GRID = '#e8e8e8';
/** An axis line drawn by hand (the SVG charts). */
export const RULE = '#8a8a8a';
/** Target markers and lines. */
export const TARGET = OKABE_ITO.vermillion;
/** Target label text: darker than the marker so it passes WCAG contrast on white. */
export const TARGET_TEXT = '#9a3c00';

/** The font family of every chart, on screen and in the exported image. */
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** A canvas font of the charts' family, e.g. font(12) or font(22, 600). */
export function font(size: number, weight?: number): string {
  return `${weight ? `${weight} ` : ''}${size}px ${FONT_FAMILY}`;
}

/** Text size of axes and labels in CSS pixels, unless a chart asks for another. */
export const FONT_SIZE = 12;

const DIAMOND_SIZE = 13;

/** The sector's colour, cycling through the palette when there are more sectors than colours. */
export function sectorColour(k: number): string {
  return SECTOR_COLOURS[k % SECTOR_COLOURS.length]!;
}

/** A #rrggbb colour as rgba() with the given opacity. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** Round tick values inside [lo, hi]: steps of 1, 2 or 5 × 10ⁿ, about `count` of them (none for an empty span). */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span) || count < 1) return [];
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  // The round step nearest the raw one, on a log scale.
  const step =
    [1, 2, 5, 10].reduce((best, m) =>
      Math.abs(Math.log(m / (raw / power))) < Math.abs(Math.log(best / (raw / power))) ? m : best,
    ) * power;
  const ticks: number[] = [];
  // Whole multiples of the step, rounded so that 0.1 + 0.2 shows as 0.3.
  for (let k = Math.ceil(lo / step); k * step <= hi + step * 1e-9; k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

const NICE_STEPS = [1, 2, 2.5, 5, 10];

/** The smallest round number (1, 2, 2.5 or 5 × 10ⁿ) at or above x > 0. */
export function niceCeil(x: number): number {
  const mag = Math.pow(10, Math.floor(Math.log10(x)));
  const m = NICE_STEPS.find((n) => n * mag >= x * (1 - 1e-9)) ?? 10;
  return m * mag;
}

/** Axis styling shared by the uPlot charts, in a given text size. */
export function axisStyle(fontSize = FONT_SIZE): uPlot.Axis {
  const f = font(fontSize);
  return { font: f, labelFont: f, stroke: TEXT, gap: 6, ticks: { show: false }, border: { show: false } };
}

/** An x axis of years: whole years only, no fractional steps, no thousands separator. */
export function yearAxis(fontSize = FONT_SIZE, incrs: number[] = [1, 2, 5, 10]): uPlot.Axis {
  return { ...axisStyle(fontSize), incrs, values: (_u, splits) => splits.map((v) => String(Math.round(v))) };
}

/** A y axis sized to its widest tick label, with the axis label beside it (in a smaller size if given). */
export function valueAxis(
  scale: string,
  side: 1 | 3,
  label: string,
  values: uPlot.Axis['values'],
  {
    fontSize = FONT_SIZE,
    labelFontSize = fontSize,
    grid = true,
  }: { fontSize?: number; labelFontSize?: number; grid?: boolean } = {},
): uPlot.Axis {
  return {
    ...axisStyle(fontSize),
    scale,
    side,
    label,
    labelFont: font(labelFontSize),
    labelSize: labelFontSize + 8,
    size: fitAxis(font(fontSize)),
    values,
    grid: grid ? { stroke: GRID, width: 1 } : { show: false },
  };
}

/** Measures a text's width in CSS pixels in a canvas font. */
export type MeasureText = (text: string, font: string) => number;

/**
 * The text size, at most `size`, at which `text` is no longer than `room` pixels: uPlot draws an axis title
 * along the plot without wrapping or clipping it, so a long title in large type runs past the plot's ends.
 */
export function fittedFontSize(text: string, size: number, room: number, measure: MeasureText): number {
  const width = measure(text, font(size));
  return width <= room ? size : Math.max(MIN_FONT_SIZE, Math.floor((size * room) / width));
}

/** Below this, a title is too small to read on a projector; it is the sheet's own axis size. */
const MIN_FONT_SIZE = FONT_SIZE;

/** Sizes a y axis to its widest tick label in the given font. */
export function fitAxis(axisFont: string): (u: uPlot, values: string[] | null) => number {
  return (u, values) => {
    if (!values?.length) return 40;
    // save/restore keeps uPlot's cached ctx.font valid.
    u.ctx.save();
    u.ctx.font = axisFont;
    const widest = Math.max(...values.map((v) => u.ctx.measureText(v).width));
    u.ctx.restore();
    return Math.ceil(widest) + 14;
  };
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

/** A series' legend formatter: its own value at the hovered year, formatted (see legendValue). */
export function legendOf(format: (v: number) => string): uPlot.Series['value'] {
  return (u, _raw, si, i) => legendValue(u.data[0], u.data[si] ?? [], i, format);
}

/** Label of a share target, e.g. "Mục tiêu 15% (2025)". */
export function targetLabel(
  input: { readonly labels: { readonly target: string }; readonly formatPercent: (v: number) => string },
  year: number,
  value: number,
  upper?: number,
): string {
  const bounds =
    upper === undefined ? input.formatPercent(value) : `${input.formatPercent(value)}–${input.formatPercent(upper)}`;
  return `${input.labels.target} ${bounds} (${year})`;
}

/** Adds a diamond of half-diagonal r centred on (x, y) to a path (a canvas context or a Path2D). */
export function diamond(path: CanvasPath, x: number, y: number, r: number): void {
  path.moveTo(x, y - r);
  path.lineTo(x + r, y);
  path.lineTo(x, y + r);
  path.lineTo(x - r, y);
  path.closePath();
}

function diamonds(u: uPlot, seriesIdx: number, idx0: number, idx1: number): uPlot.Series.Points.Paths {
  const path = new Path2D();
  const r = (DIAMOND_SIZE / 2) * uPlot.pxRatio;
  const ys = u.data[seriesIdx]!;
  const scale = u.series[seriesIdx]?.scale ?? 'share';
  for (let i = idx0; i <= idx1; i++) {
    const v = ys[i];
    if (v === null || v === undefined) continue;
    diamond(path, u.valToPos(u.data[0][i]!, 'x', true), u.valToPos(v, scale, true), r);
  }
  return { stroke: path, fill: path, flags: 0 };
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
  /** The upper end of a range target in a year, if it is one: a label above it clears the band. */
  readonly upperAt?: (year: number) => number | undefined;
}

// Each target gets its label on the side away from the projection, so the text never sits on the line,
// unless the plot has no room there; it is kept inside the plot horizontally.
/** Draws each target's label beside its marker (a uPlot draw hook). */
export function drawTargetLabels(
  u: uPlot,
  { targets, share, scale = 'share', fontSize, text: labelText, upperAt = () => undefined }: TargetLabelling,
): void {
  if (!u.series[targets]?.show) return;
  const px = uPlot.pxRatio;
  const { ctx, bbox } = u;
  const offset = (DIAMOND_SIZE / 2 + 5) * px;
  const textHeight = (fontSize + 3) * px;
  ctx.save();
  ctx.font = font(fontSize * px, 600);
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
    const top = upperAt(year);
    const ty = below ? y + offset : (top === undefined ? y : u.valToPos(top, scale, true)) - offset;
    ctx.strokeText(text, x, ty);
    ctx.fillText(text, x, ty);
  });
  ctx.restore();
}

/** A draw hook labelling the targets of series `labelling.targets` with the chart's target word and percent format. */
export function targetLabelHook(
  labelling: Omit<TargetLabelling, 'text'>,
  words: Parameters<typeof targetLabel>[0],
  upperAt: (year: number) => number | undefined = () => undefined,
): (u: uPlot) => void {
  return (u) =>
    drawTargetLabels(u, { ...labelling, upperAt, text: (year, v) => targetLabel(words, year, v, upperAt(year)) });
}
