import { describe, expect, it } from 'vitest';
import { buildChartOptions, chartLabels, type ChartInput } from '../charts';
import { chartSeries, Model } from '../engine';
import { translate } from '../i18n';
import { quangNinh } from '../templates/quang-ninh';
import { PNG_SCALE, PNG_SIZE, scaleOptions } from './png';

describe('chart image', () => {
  const data = chartSeries(new Model(quangNinh.scenario), quangNinh.scenario);
  const input: ChartInput = {
    data,
    sectorLabels: data.sectors,
    labels: chartLabels((key, args) => translate('vi', key, args), 'Công nghiệp chế biến, chế tạo', 'tỷ đồng'),
    formatValue: String,
    formatPercent: String,
  };

  it('is stated as 1200 × 700 CSS pixels drawn at 2×', () => {
    expect([PNG_SIZE.width * PNG_SCALE, PNG_SIZE.height * PNG_SCALE]).toEqual([2400, 1400]);
  });

  it('scales fonts, line widths and axis sizes, and leaves unset lengths to uPlot', () => {
    const opts = buildChartOptions(input, { width: 600, height: 300 });
    const scaled = scaleOptions(opts, 2);
    expect(scaled.axes![0]!.font).toMatch(/^24px /);
    expect(scaled.axes![1]!.labelSize).toBe(2 * opts.axes![1]!.labelSize!);
    expect(scaled.axes![0]!.space).toBe(2 * (opts.axes![0]!.space as number));
    expect(scaled.series[1]!.width).toBe(2 * opts.series[1]!.width!);
    expect('space' in scaled.axes![1]!).toBe(false);
    expect('width' in scaled.series[0]!).toBe(false);
    expect(scaled.legend).toEqual({ show: false });
  });
});
