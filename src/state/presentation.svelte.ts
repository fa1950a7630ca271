import {
  applyLevers,
  cellError,
  centralValue,
  ErrorCode,
  evaluate,
  formatForEdit,
  formatRange,
  Model,
  own,
  parseLocaleNumber,
  parseRange,
  sectorVar,
  type CellError,
  type ChartSeries,
  type Distribution,
  type Evaluation,
  type Headline,
  type Label,
  type LeverMode,
  type Levers,
  type Locale,
  type Scenario,
} from '../engine';

/** Slider bounds of each lever mode, as fractions (0.005 = half a point). */
export const LEVER_RANGE: Readonly<Record<LeverMode, { min: number; max: number; step: number }>> = {
  rate: { min: -0.1, max: 0.4, step: 0.005 },
  shift: { min: -0.1, max: 0.1, step: 0.005 },
};

// Typed values may go past the slider, but not so far that the projection turns meaningless.
const TYPED_LIMIT = 1;

// What a lever is set to: a number, or a range whose centre is the number.
interface LeverSetting {
  readonly value: number;
  readonly range?: Distribution;
}

/** A sector the presentation offers a lever for. */
export interface LeverSector {
  readonly id: string;
  readonly label: Label;
}

/** The presentation's colour scheme: high contrast on light (the projector default) or dark. */
export type PresentationTheme = 'projector' | 'dark';

/** Highest GRDP stack and highest share (projected, recorded or target) a chart draws. */
export function seriesMax(chart: ChartSeries): { grdp: number; share: number } {
  const max = (rows: readonly (readonly (number | null)[])[]): number =>
    rows.reduce((m, row) => row.reduce<number>((n, v) => (v !== null && Number.isFinite(v) && v > n ? v : n), m), 0);
  const top = chart.stacks[chart.stacks.length - 1];
  return {
    grdp: max(top ? [top] : []),
    share: max([chart.share, chart.shareHistory, chart.shareTargets, chart.shareTargetsUpper]),
  };
}

// Only scenarios that were opened or listed are shown, and those have built before.
function evaluated(scenario: Scenario): Evaluation {
  const evaluation = evaluate(scenario);
  if (!evaluation) throw new Error(`cannot evaluate scenario: ${scenario.meta.name}`);
  return evaluation;
}

/** Presentation mode: levers on sector growth over the shown scenario, stepping through scenarios, fixed axes. */
export class PresentationState {
  open = $state(false);
  mode = $state<LeverMode>('rate');
  theme = $state<PresentationTheme>('projector');
  index = $state(0);
  // Values typed or slid per mode and sector; a sector without one is not levered in that mode.
  #values = $state.raw<Readonly<Record<LeverMode, Readonly<Record<string, LeverSetting>>>>>({ rate: {}, shift: {} });
  // Why the last text typed for a sector was refused; gone once the lever is set again.
  #errors = $state.raw<Readonly<Record<string, CellError>>>({});
  readonly #scenarios: () => readonly Scenario[];
  readonly #current: () => Scenario;

  /** scenarios: those to step through (the open one included); current: the open scenario, where stepping starts. */
  constructor(scenarios: () => readonly Scenario[], current: () => Scenario) {
    this.#scenarios = scenarios;
    this.#current = current;
  }

  /** The scenarios stepped through; the open one alone when none are given. */
  get list(): readonly Scenario[] {
    const given = this.#scenarios();
    return given.length ? given : [this.#current()];
  }

  /** The scenario shown, before levers. */
  get base(): Scenario {
    const list = this.list;
    return list[Math.min(this.index, list.length - 1)]!;
  }

  #evaluated = $derived(evaluated(this.base));

  // The levers read the shown scenario's cells through a model of their own, built once a lever is set.
  #leverModel = $derived(new Model(this.base));

  /** The levers in force: the values set in the current mode. */
  levers: Levers = $derived(
    Object.fromEntries(Object.entries(this.#values[this.mode]).map(([id, set]) => [id, { mode: this.mode, ...set }])),
  );

  /** The shown scenario with the levers applied. */
  scenario: Scenario = $derived(
    Object.keys(this.levers).length === 0 ? this.base : applyLevers(this.base, this.levers, this.#leverModel),
  );
  #preview = $derived(evaluated(this.scenario));

  headline: Headline = $derived(this.#preview.headline);
  chart: ChartSeries = $derived(this.#preview.chart);

  /** Sectors of the shown scenario, in sheet order. */
  sectors: readonly LeverSector[] = $derived(
    this.base.rows.filter((r) => r.kind === 'sector').map((r) => ({ id: r.id, label: r.label })),
  );

  /** Whether any lever is set, in either mode. */
  changed = $derived(Object.keys(this.#values.rate).length + Object.keys(this.#values.shift).length > 0);

  /** "2 / 4": the shown scenario's place in the list. */
  position = $derived(`${Math.min(this.index, this.list.length - 1) + 1} / ${this.list.length}`);

  // The stepped scenarios' charts, each evaluated once per list.
  #steppedMax = $derived.by(() => {
    let grdp = 0;
    let share = 0;
    for (const s of this.list) {
      const m = seriesMax(evaluated(s).chart);
      grdp = Math.max(grdp, m.grdp);
      share = Math.max(share, m.share);
    }
    return { grdp, share };
  });

  /** Axis maxima over every stepped scenario and the preview, so the axes stay put while stepping. */
  scales: { grdp: number; share: number } = $derived.by(() => {
    const preview = seriesMax(this.chart);
    return {
      grdp: Math.max(this.#steppedMax.grdp, preview.grdp),
      share: Math.max(this.#steppedMax.share, preview.share),
    };
  });

  /** Opens presentation mode on the open scenario with no levers set. */
  enter(): void {
    const current = this.#current();
    const at = this.list.indexOf(current);
    this.index =
      at >= 0
        ? at
        : Math.max(
            0,
            this.list.findIndex((s) => s.meta.name === current.meta.name),
          );
    this.reset();
    this.open = true;
  }

  /** Closes presentation mode. */
  leave(): void {
    this.open = false;
  }

  /** The sector's growth in the last projection year of the shown scenario (the rate lever's starting point). */
  currentRate(id: string): number {
    const { years } = this.#evaluated;
    // The last year rather than the first: the first often still holds a recorded or one-off estimate.
    const last = years.length - 1;
    return (last > 0 ? this.#evaluated.value(sectorVar(id, 'growth'), years[last]!) : undefined) ?? 0;
  }

  /** The lever value shown for a sector in the current mode (its rate, or a zero shift, until set; a range's centre). */
  value(id: string): number {
    const set = own(this.#values[this.mode], id);
    if (set !== undefined) return set.value;
    return this.mode === 'rate' ? this.currentRate(id) : 0;
  }

  /** The range a sector's lever holds in the current mode, if any. */
  range(id: string): Distribution | undefined {
    return own(this.#values[this.mode], id)?.range;
  }

  /** The lever as its typed field shows it: percentage points ("12,5"), or the range ("16%..24%"). */
  text(id: string, locale: Locale): string {
    const range = this.range(id);
    if (range) return formatRange(range, locale, 'percent');
    // One decimal of a point, as the slider steps.
    return formatForEdit(Math.round(this.value(id) * 1000) / 10, locale, 'number').replace(/^-0$/, '0');
  }

  /** Why the text last typed for a sector's lever was refused, if it was. */
  error(id: string): CellError | undefined {
    return own(this.#errors, id);
  }

  /** Sets a sector's lever in the current mode to a number; non-numbers are ignored, extremes are clamped. */
  setValue(id: string, value: number): void {
    if (!Number.isFinite(value)) return;
    this.#set(id, { value: Math.min(TYPED_LIMIT, Math.max(-TYPED_LIMIT, value)) });
  }

  /**
   * Sets a sector's lever from typed text: a number of percentage points ("12,5") or a range as in a cell
   * ("16..24", "normal(20%; 3%)"). Returns the problem with text that is neither; the lever then stays as it was.
   */
  setText(id: string, text: string, locale: Locale): CellError | undefined {
    const range = parseRange(text, locale, 'percent');
    if (range && 'code' in range) return this.#refuse(id, range);
    if (range) {
      this.#set(id, { value: centralValue(range), range });
      return undefined;
    }
    const value = parseLocaleNumber(text, locale, 'percent');
    if (value === undefined || !Number.isFinite(value))
      return this.#refuse(id, cellError(ErrorCode.VALUE, 'notANumber', { text: text.trim().slice(0, 40) }));
    this.setValue(id, value);
    return undefined;
  }

  #refuse(id: string, error: CellError): CellError {
    this.#errors = { ...this.#errors, [id]: error };
    return error;
  }

  #set(id: string, setting: LeverSetting): void {
    this.#values = { ...this.#values, [this.mode]: { ...this.#values[this.mode], [id]: setting } };
    if (own(this.#errors, id)) {
      const { [id]: _, ...rest } = this.#errors;
      this.#errors = rest;
    }
  }

  /** Switches between one rate for all years and a shift of the current rates. */
  setMode(mode: LeverMode): void {
    this.mode = mode;
  }

  /** Switches between the projector and the dark theme. */
  toggleTheme(): void {
    this.theme = this.theme === 'projector' ? 'dark' : 'projector';
  }

  /** Back to the scenario: drops every lever. */
  reset(): void {
    this.#values = { rate: {}, shift: {} };
    this.#errors = {};
  }

  /** The levered scenario to save as a new one, under the given name if any. */
  keepAsScenario(name?: string): Scenario {
    const s = this.scenario;
    return name === undefined ? s : { ...s, meta: { ...s.meta, name } };
  }

  /** Shows the next scenario in the list (levers reset); false at the end. */
  next(): boolean {
    return this.#step(1);
  }

  /** Shows the previous scenario in the list (levers reset); false at the start. */
  previous(): boolean {
    return this.#step(-1);
  }

  #step(by: number): boolean {
    const at = Math.min(this.index, this.list.length - 1) + by;
    if (at < 0 || at >= this.list.length) return false;
    this.index = at;
    // Levers belong to the scenario they were set on: the next one is shown as it stands.
    this.reset();
    return true;
  }
}
