import uPlot from 'uplot';
import { diamond, font, INK, MUTED } from '../charts/kit';
import { buildChartOptions, seriesIndex, toAlignedData, type ChartInput } from '../charts/scenario-options';

/**
 * Size of the exported chart in CSS pixels: a 12:7 landscape that fills a slide or half an A4 page.
 * The PNG is drawn at PNG_SCALE times this, so it is always exactly 2400 × 1400 pixels.
 */
export const PNG_SIZE = { width: 1200, height: 700 } as const;
/** Pixels per CSS pixel of the exported image, whatever the screen's own ratio. */
export const PNG_SCALE = 2;

const MARGIN = 24;
const SWATCH = 14;

/** What the exported image shows besides the plot. */
export interface PngTexts {
  readonly title: string;
  readonly subtitle: string;
  readonly source: string;
}

/**
 * uPlot 1.6 takes its pixel ratio from the screen (a module-level devicePixelRatio, no per-chart option),
 * so a 2× image on a 1× screen is drawn by enlarging the chart's CSS size by k = 2 / screen ratio and every
 * length in its options (fonts, line widths, markers, axis sizes) by the same k: the canvas then holds
 * exactly what a 2× screen would show.
 */
export function scaleOptions(opts: uPlot.Options, k: number): uPlot.Options {
  const font = (f: string) => f.replace(/(\d+(?:\.\d+)?)px/, (_m, n: string) => `${Number(n) * k}px`);
  // Only lengths the options set are scaled: an explicit `undefined` would wipe out uPlot's own default.
  const times = <T extends object>(o: T, keys: readonly (keyof T)[]): T => {
    const out = { ...o };
    for (const key of keys) if (typeof out[key] === 'number') out[key] = ((out[key] as number) * k) as T[keyof T];
    return out;
  };
  return {
    ...opts,
    legend: { show: false },
    cursor: { show: false },
    series: opts.series.map((s) => {
      const scaled = times(s, ['width']);
      if (s.points) scaled.points = times(s.points, ['size', 'width']);
      return scaled;
    }),
    axes: opts.axes?.map((a) => {
      const scaled = times(a, ['gap', 'labelSize', 'labelGap', 'space', 'size']);
      if (a.font) scaled.font = font(a.font);
      if (a.labelFont) scaled.labelFont = font(a.labelFont);
      const size = a.size;
      if (typeof size === 'function') scaled.size = (u, values, i, cycle) => size(u, values, i, cycle) * k;
      return scaled;
    }),
  };
}

// Draws the plot (axes included) with uPlot off-screen and returns its canvas, plotWidth × plotHeight CSS px at 2×.
async function plotCanvas(input: ChartInput, width: number, height: number): Promise<HTMLCanvasElement> {
  const screen = uPlot.pxRatio || 1;
  const k = PNG_SCALE / screen;
  const opts = scaleOptions(buildChartOptions(input, { width: width * k, height: height * k }), k);
  let drawn: () => void = () => {};
  const done = new Promise<void>((resolve) => (drawn = resolve));
  opts.hooks = { ...opts.hooks, draw: [...(opts.hooks?.draw ?? []), () => drawn()] };
  // The target diamonds and labels size themselves by uPlot.pxRatio: it reads as 2 while this chart draws.
  uPlot.pxRatio = PNG_SCALE;
  // Kept in the page but out of sight while it draws.
  const host = document.createElement('div');
  host.style.cssText = 'position:fixed;left:-100000px;top:0;visibility:hidden;pointer-events:none';
  document.body.append(host);
  let chart: uPlot | undefined;
  try {
    chart = new uPlot(opts, toAlignedData(input.data), host);
    await done;
    // uPlot may redraw once more in a microtask after sizing its axes to their labels: let it settle.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const source = chart.ctx.canvas;
    // Copied out, so the chart can be destroyed; drawn at the exact size whatever uPlot's rounding.
    const canvas = document.createElement('canvas');
    canvas.width = width * PNG_SCALE;
    canvas.height = height * PNG_SCALE;
    canvas.getContext('2d')!.drawImage(source, 0, 0, canvas.width, canvas.height);
    return canvas;
  } finally {
    uPlot.pxRatio = screen;
    chart?.destroy();
    host.remove();
  }
}

interface LegendItem {
  readonly label: string;
  readonly kind: 'area' | 'line' | 'dot' | 'diamond';
  readonly colour: string;
}

function legendItems(opts: uPlot.Options, sectorCount: number): LegendItem[] {
  const { share, history, targets } = seriesIndex(sectorCount);
  return opts.series.slice(1).map((s, j): LegendItem => {
    const i = j + 1;
    const colour = typeof s.stroke === 'string' ? s.stroke : INK;
    const kind = i === share ? 'line' : i === history ? 'dot' : i === targets ? 'diamond' : 'area';
    return { label: String(s.label ?? ''), kind, colour };
  });
}

function drawSwatch(ctx: CanvasRenderingContext2D, item: LegendItem, x: number, y: number): void {
  const mid = y + SWATCH / 2;
  ctx.save();
  ctx.strokeStyle = item.colour;
  ctx.fillStyle = item.colour;
  if (item.kind === 'area') {
    ctx.globalAlpha = 0.6;
    ctx.fillRect(x, y, SWATCH, SWATCH);
    ctx.globalAlpha = 1;
    ctx.lineWidth = 1;
    ctx.strokeRect(x + 0.5, y + 0.5, SWATCH - 1, SWATCH - 1);
  } else if (item.kind === 'line') {
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.moveTo(x, mid);
    ctx.lineTo(x + SWATCH, mid);
    ctx.stroke();
  } else if (item.kind === 'dot') {
    ctx.beginPath();
    ctx.arc(x + SWATCH / 2, mid, 5, 0, 2 * Math.PI);
    ctx.fill();
  } else {
    ctx.lineWidth = 2;
    ctx.fillStyle = '#ffffff';
    ctx.beginPath();
    diamond(ctx, x + SWATCH / 2, mid, 6);
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
}

// Splits text into lines no wider than width, at spaces.
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Renders the scenario chart as a PNG of exactly PNG_SCALE × size (2400 × 1400 px by default): title and
 * scenario name at the top, a legend of the sectors and share series, the plot, and the source line below.
 */
export async function chartPng(input: ChartInput, texts: PngTexts, size = PNG_SIZE): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = size.width * PNG_SCALE;
  canvas.height = size.height * PNG_SCALE;
  const ctx = canvas.getContext('2d')!;
  // Everything below is laid out in CSS pixels.
  ctx.scale(PNG_SCALE, PNG_SCALE);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.textBaseline = 'top';
  const inner = size.width - 2 * MARGIN;

  ctx.fillStyle = INK;
  ctx.font = font(22, 600);
  ctx.fillText(texts.title, MARGIN, MARGIN, inner);
  ctx.fillStyle = MUTED;
  ctx.font = font(14);
  ctx.fillText(texts.subtitle, MARGIN, MARGIN + 30, inner);

  // Legend items flow left to right and wrap.
  const items = legendItems(buildChartOptions(input, size), input.data.sectors.length);
  ctx.font = font(13);
  ctx.fillStyle = INK;
  let x = MARGIN;
  let y = MARGIN + 58;
  for (const item of items) {
    const w = SWATCH + 6 + ctx.measureText(item.label).width;
    if (x > MARGIN && x + w > size.width - MARGIN) {
      x = MARGIN;
      y += 22;
    }
    drawSwatch(ctx, item, x, y);
    ctx.fillText(item.label, x + SWATCH + 6, y + 1);
    x += w + 20;
  }
  const plotTop = y + 30;

  ctx.font = font(12);
  const sourceLines = wrap(ctx, texts.source, inner).slice(0, 3);
  const sourceTop = size.height - MARGIN - sourceLines.length * 16;
  ctx.fillStyle = MUTED;
  sourceLines.forEach((line, i) => ctx.fillText(line, MARGIN, sourceTop + i * 16, inner));

  const plotHeight = Math.max(100, Math.floor(sourceTop - 12 - plotTop));
  const plot = await plotCanvas(input, inner, plotHeight);
  ctx.drawImage(plot, MARGIN, plotTop, inner, plotHeight);

  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}
