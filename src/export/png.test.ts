import { describe, expect, it } from 'vitest';
import { LocaleState } from '../state/locale.svelte';
import { Sheet } from '../state/sheet.svelte';
import { quangNinh } from '../templates/quang-ninh';
import { buildChartOptions } from '../ui/charts/chart-options';
import { chartInput, pngTexts, PNG_SCALE, PNG_SIZE, scaleOptions } from './png';

describe('chart image', () => {
  const sheet = new Sheet(quangNinh);
  const locale = new LocaleState('?lang=vi');

  it('is stated as 1200 × 700 CSS pixels drawn at 2×', () => {
    expect([PNG_SIZE.width * PNG_SCALE, PNG_SIZE.height * PNG_SCALE]).toEqual([2400, 1400]);
  });

  it('scales fonts, line widths and axis sizes, and leaves unset lengths to uPlot', () => {
    const opts = buildChartOptions(chartInput(sheet, locale), { width: 600, height: 300 });
    const scaled = scaleOptions(opts, 2);
    expect(scaled.axes![0]!.font).toMatch(/^24px /);
    expect(scaled.axes![1]!.labelSize).toBe(2 * opts.axes![1]!.labelSize!);
    expect(scaled.axes![0]!.space).toBe(2 * (opts.axes![0]!.space as number));
    expect(scaled.series[1]!.width).toBe(2 * opts.series[1]!.width!);
    expect('space' in scaled.axes![1]!).toBe(false);
    expect('width' in scaled.series[0]!).toBe(false);
    expect(scaled.legend).toEqual({ show: false });
  });

  it('has a translated title, the scenario name and a source line', () => {
    const texts = pngTexts(sheet, locale);
    expect(texts.title).toBe('GRDP theo ngành và tỷ trọng Công nghiệp chế biến, chế tạo');
    expect(texts.subtitle).toBe(sheet.scenario.meta.name);
    expect(texts.source).toMatch(/^Nguồn: .*Quảng Ninh/);
  });
});
