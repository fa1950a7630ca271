import type uPlot from 'uplot';

/** Keeps a chart as wide as its container at a fixed height; the returned cleanup also destroys the chart. */
export function followWidth(el: HTMLElement, chart: uPlot, height: number): () => void {
  const observer = new ResizeObserver(([entry]) => {
    const width = Math.floor(entry?.contentRect.width ?? 0);
    if (width > 0 && width !== chart.width) chart.setSize({ width, height });
  });
  observer.observe(el);
  return () => {
    observer.disconnect();
    chart.destroy();
  };
}
