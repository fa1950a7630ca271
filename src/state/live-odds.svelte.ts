import { hasRanges, type MonteCarloOptions, type MonteCarloResult, type Scenario } from '../engine';
import { MonteCarloCancelled, runMonteCarlo, type MonteCarloHandle } from '../analysis/monte-carlo-client';

/** Samples of a live estimate: odds to within about a point, quick enough to follow a slider. */
export const LIVE_SAMPLES = 2_000;

/** Starts a Monte Carlo run (a worker in the app; tests pass one that runs in process). */
export type StartRun = (scenario: Scenario, options: MonteCarloOptions) => MonteCarloHandle;

const inWorker: StartRun = (scenario, options) => runMonteCarlo(scenario, options, () => undefined);

/**
 * The odds of the targets for a scenario that changes under the planner's hands (the presentation's levers):
 * each estimate cancels the one in flight, and the last finished result stays shown until the next arrives.
 */
export class LiveOdds {
  /** The latest finished estimate, or null when the scenario holds no range. */
  result = $state.raw<MonteCarloResult | null>(null);
  running = $state(false);
  /** Why the last estimate failed, if it did. */
  error = $state<string | null>(null);
  readonly #start: StartRun;
  #handle: MonteCarloHandle | null = null;

  constructor(start: StartRun = inWorker) {
    this.#start = start;
  }

  /** Estimates the odds for the scenario with its own seed, or clears them when it holds no range. */
  estimate(scenario: Scenario): void {
    this.stop();
    if (!hasRanges(scenario)) {
      this.result = null;
      this.error = null;
      return;
    }
    const handle = this.#start(scenario, { samples: LIVE_SAMPLES });
    this.#handle = handle;
    this.running = true;
    handle.promise.then(
      (result) => {
        if (this.#handle !== handle) return;
        this.#handle = null;
        this.running = false;
        this.error = null;
        this.result = result;
      },
      (error: unknown) => {
        if (this.#handle !== handle || error instanceof MonteCarloCancelled) return;
        this.#handle = null;
        this.running = false;
        this.result = null;
        this.error = error instanceof Error ? error.message : String(error);
      },
    );
  }

  /** Stops the estimate in flight, if any; the last result stays. */
  stop(): void {
    const handle = this.#handle;
    this.#handle = null;
    this.running = false;
    handle?.cancel();
  }
}
