import type uPlot from 'uplot';
import { untrack } from 'svelte';

/** A chart's size in CSS pixels. */
export interface ChartSize {
  width: number;
  height: number;
}

/**
 * One uPlot chart of a component: its attachment creates the chart at the container's width (reading props
 * untracked, so a prop change updates it through setData instead of rebuilding it), keeps it as wide as the
 * container and destroys it when the container goes.
 */
export class ChartSlot {
  /** The live chart, if its container is on the page. */
  chart: uPlot | undefined;
  readonly #height: () => number;
  readonly #create: (el: HTMLElement, size: ChartSize) => uPlot;

  constructor(height: () => number, create: (el: HTMLElement, size: ChartSize) => uPlot) {
    this.#height = height;
    this.#create = create;
  }

  /** The attachment for the chart's container. */
  readonly attach = (el: HTMLElement): (() => void) => {
    const height = untrack(this.#height);
    const u = untrack(() => this.#create(el, { width: widthOf(el), height }));
    this.chart = u;
    const observer = new ResizeObserver(() => {
      const width = widthOf(el);
      if (width > 0 && width !== u.width) u.setSize({ width, height });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      u.destroy();
      // A rebuilt chart may already hold the slot.
      if (this.chart === u) this.chart = undefined;
    };
  };
}

// One measure at creation and on every resize: clientWidth rounds where the observer's floor did not, and the
// observer's first report, just before the first paint, redrew the chart one pixel narrower.
function widthOf(el: HTMLElement): number {
  return Math.floor(el.getBoundingClientRect().width);
}
