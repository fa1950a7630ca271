import {
  DEFAULT_SAMPLES,
  defaultSensitivityOutput,
  focusGrowth,
  focusShare,
  goalSeek,
  MAX_SAMPLES,
  parseLocaleNumber,
  sensitivityRows,
  shareQuestions,
  sheetRows,
  tornado,
  type GoalSeekChange,
  type GoalSeekResult,
  type MonteCarloResult,
  type SensitivityOutput,
  type SheetRow,
  type TornadoBar,
} from '../engine';
import { MonteCarloCancelled, runMonteCarlo } from '../analysis/monte-carlo-client';
import type { LocaleState } from './locale.svelte';
import type { Sheet } from './sheet.svelte';

/** Most samples one run may take (the engine's limit, for the panel's message). */
export { MAX_SAMPLES };

/** Fewest samples a run may take: below this the odds are too coarse to show as percentages. */
export const MIN_SAMPLES = 100;

/** What the goal-seek form may change. */
export type ChangeKind = GoalSeekChange['kind'];

/** The goal-seek form: a target cell and value, what may change and where to search, and the answer. */
export class GoalSeekForm {
  readonly #sheet: Sheet;
  readonly #locale: LocaleState;
  targetId = $state('');
  targetYear = $state(0);
  targetText = $state('');
  changeKind = $state<ChangeKind>('rate');
  changeId = $state('');
  changeYear = $state(0);
  from = $state(0);
  to = $state(0);
  loText = $state('');
  hiText = $state('');
  result = $state.raw<GoalSeekResult | null>(null);
  /** Which typed field could not be read as a number. */
  problem = $state<'target' | 'range' | null>(null);

  constructor(sheet: Sheet, locale: LocaleState) {
    this.#sheet = sheet;
    this.#locale = locale;
    const { meta } = sheet.scenario;
    const question = shareQuestions(sheet.scenario, sheet.model).at(-1);
    this.targetId = focusShare(meta);
    this.targetYear = question?.year ?? meta.horizon;
    this.targetText = question ? locale.percent(question.threshold) : '';
    this.changeId = focusGrowth(meta);
    this.changeYear = meta.baseYear + 1;
    this.from = sheet.firstAssumedYear(this.changeId);
    this.to = this.targetYear;
  }

  /** Rows whose cells can be a target (anything but the target rows themselves). */
  targetRows: SheetRow[] = $derived.by(() =>
    sheetRows(this.#sheet.scenario, { prices: true }).filter((r) => r.role !== 'target'),
  );

  /** Rows with input cells in projection years, which the search may change. */
  changeRows: SheetRow[] = $derived.by(() => {
    const { model } = this.#sheet;
    return sheetRows(this.#sheet.scenario, { prices: true }).filter((r) =>
      model.years.some((year) => model.isInput(r.id, year)),
    );
  });

  /** Years of the sheet, base year first. */
  get years(): readonly number[] {
    return this.#sheet.model.years;
  }

  #format(id: string) {
    return this.#sheet.model.get(id)?.format ?? 'number';
  }

  #read(text: string, id: string): number | undefined {
    return parseLocaleNumber(text, this.#locale.current, this.#format(id));
  }

  /** Runs the search with the form's values. */
  run(): void {
    this.problem = null;
    const value = this.#read(this.targetText, this.targetId);
    if (value === undefined) {
      this.problem = 'target';
      this.result = null;
      return;
    }
    let range: { lo: number; hi: number } | undefined;
    if (this.loText.trim() !== '' || this.hiText.trim() !== '') {
      const lo = this.#read(this.loText, this.changeId);
      const hi = this.#read(this.hiText, this.changeId);
      if (lo === undefined || hi === undefined) {
        this.problem = 'range';
        this.result = null;
        return;
      }
      range = { lo, hi };
    }
    const change: GoalSeekChange =
      this.changeKind === 'cell'
        ? { kind: 'cell', id: this.changeId, year: this.changeYear }
        : { kind: 'rate', id: this.changeId, from: Math.min(this.from, this.to), to: Math.max(this.from, this.to) };
    this.result = goalSeek(this.#sheet.scenario, { id: this.targetId, year: this.targetYear, value }, change, range);
  }

  /** Writes the found value into the cells it changes, as one undoable edit. */
  apply(): number {
    const result = this.result;
    if (result?.status !== 'found') return 0;
    const count = this.#sheet.setCells(result.edits.map(({ id, year, value }) => ({ id, year, input: value })));
    this.result = null;
    return count;
  }
}

/** Which output the tornado ranks the rows by. */
export type TornadoOutputKind = 'share' | 'growth';

/** The tornado: every growth row shifted by ± delta, ranked by how far it moves the chosen output. */
export class Sensitivity {
  readonly #sheet: Sheet;
  readonly #locale: LocaleState;
  output = $state<TornadoOutputKind>('share');
  deltaText = $state('1');

  constructor(sheet: Sheet, locale: LocaleState) {
    this.#sheet = sheet;
    this.#locale = locale;
  }

  /** The shift in percentage points, or undefined when the field is not a positive number up to 50. */
  delta: number | undefined = $derived.by(() => {
    const points = parseLocaleNumber(this.deltaText, this.#locale.current, 'number');
    return points !== undefined && points > 0 && points <= 50 ? points / 100 : undefined;
  });

  /** The cell the share output reads (the focus share in the last share-target year). */
  shareOutput: SensitivityOutput = $derived.by(() => defaultSensitivityOutput(this.#sheet.scenario));

  /** The bars, largest swing first. */
  bars: TornadoBar[] = $derived.by(() => {
    const delta = this.delta;
    if (delta === undefined) return [];
    void this.#sheet.model;
    const output: SensitivityOutput = this.output === 'share' ? this.shareOutput : { kind: 'averageGrowth' };
    return tornado(this.#sheet.scenario, { output, delta });
  });

  /** How many rows the tornado shifts. */
  get rowCount(): number {
    return sensitivityRows(this.#sheet.scenario).length;
  }
}

/** A Monte Carlo run in a worker: its settings, progress, result, and cancelling. */
export class MonteCarlo {
  readonly #sheet: Sheet;
  readonly #locale: LocaleState;
  samplesText = $state(String(DEFAULT_SAMPLES));
  running = $state(false);
  done = $state(0);
  total = $state(0);
  result = $state.raw<MonteCarloResult | null>(null);
  /** What stopped the last run: the planner, or an error message. */
  stopped = $state.raw<{ kind: 'cancelled' } | { kind: 'error'; message: string } | null>(null);
  #cancel: (() => void) | null = null;

  constructor(sheet: Sheet, locale: LocaleState) {
    this.#sheet = sheet;
    this.#locale = locale;
  }

  /** The number of samples typed, or undefined outside MIN_SAMPLES..MAX_SAMPLES. */
  samples: number | undefined = $derived.by(() => {
    const n = parseLocaleNumber(this.samplesText, this.#locale.current, 'number');
    return n !== undefined && Number.isInteger(n) && n >= MIN_SAMPLES && n <= MAX_SAMPLES ? n : undefined;
  });

  /** Whether the result shown was run on an earlier version of the scenario. */
  get stale(): boolean {
    return this.result !== null && this.#sheet.odds !== this.result;
  }

  /** The seed the next run uses: the scenario's, else 0. */
  get seed(): number {
    return this.#sheet.scenario.seed ?? 0;
  }

  /** Starts a run in a worker; a running one is cancelled first. */
  run(): void {
    const samples = this.samples;
    if (samples === undefined) return;
    this.cancel();
    this.stopped = null;
    this.running = true;
    this.done = 0;
    this.total = samples;
    // The scenario goes to the worker as plain data: $state.raw holds no proxies.
    const scenario = this.#sheet.scenario;
    const { promise, cancel } = runMonteCarlo(scenario, { samples, seed: this.seed }, (done, total) => {
      this.done = done;
      this.total = total;
    });
    this.#cancel = cancel;
    promise.then(
      (result) => {
        if (this.#cancel !== cancel) return;
        this.result = result;
        this.#sheet.setOdds(scenario, result);
        this.running = false;
        this.#cancel = null;
      },
      (error: unknown) => {
        if (this.#cancel !== cancel) return;
        this.running = false;
        this.#cancel = null;
        this.stopped =
          error instanceof MonteCarloCancelled
            ? { kind: 'cancelled' }
            : { kind: 'error', message: error instanceof Error ? error.message : String(error) };
      },
    );
  }

  /** Stops a running run; its partial work is dropped. */
  cancel(): void {
    const cancel = this.#cancel;
    if (!cancel) return;
    cancel();
  }

  /** Picks a new random seed for the scenario (an undoable edit). */
  newSeed(): void {
    this.#sheet.setSeed(crypto.getRandomValues(new Uint32Array(1))[0]!);
  }

  /** Sets the seed to a typed number; false when it is not a 32-bit unsigned integer. */
  setSeedText(text: string): boolean {
    const n = parseLocaleNumber(text, this.#locale.current, 'number');
    if (n === undefined || !Number.isInteger(n) || n < 0 || n > 0xffffffff) return false;
    this.#sheet.setSeed(n);
    return true;
  }
}
