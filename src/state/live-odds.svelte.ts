import { hasRanges, type MonteCarloOptions, type MonteCarloResult, type Scenario } from '../engine';
import { MonteCarloCancelled, MonteCarloClient } from '../analysis/monte-carlo-client';

/** Samples of a live estimate: odds to within about a point, quick enough to follow a slider. */
export const LIVE_SAMPLES = 2_000;

/** Where estimates run: one long-lived worker in the app (MonteCarloClient); tests pass a stand-in. */
export interface Estimator {
  /** Runs an estimate; a newer one supersedes it (it then rejects with MonteCarloCancelled). */
  run(scenario: Scenario, options: MonteCarloOptions): Promise<MonteCarloResult>;
  /** Drops the estimate pending, if any. */
  cancel(): void;
  /** Drops the estimate pending and lets the worker go. */
  dispose(): void;
}

/**
 * The odds of the targets for a scenario that changes under the planner's hands (the presentation's levers):
 * each estimate supersedes the one in flight, in the same worker, and the last finished result stays shown until
 * the next arrives.
 */
export class LiveOdds {
  /** The latest finished estimate, or null when the scenario holds no range. */
  result = $state.raw<MonteCarloResult | null>(null);
  running = $state(false);
  /** Why the last estimate failed, if it did. */
  error = $state<string | null>(null);
  readonly #estimator: Estimator;
  // Numbers the estimates asked for: only the latest one's answer is shown.
  #asked = 0;

  constructor(estimator: Estimator = new MonteCarloClient()) {
    this.#estimator = estimator;
  }

  /** Estimates the odds for the scenario with its own seed, or clears them when it holds no range. */
  estimate(scenario: Scenario): void {
    if (!hasRanges(scenario)) {
      this.stop();
      this.result = null;
      this.error = null;
      return;
    }
    const asked = ++this.#asked;
    this.running = true;
    this.#estimator.run(scenario, { samples: LIVE_SAMPLES }).then(
      (result) => {
        if (asked !== this.#asked) return;
        this.running = false;
        this.error = null;
        this.result = result;
      },
      (error: unknown) => {
        if (asked !== this.#asked || error instanceof MonteCarloCancelled) return;
        this.running = false;
        this.result = null;
        this.error = error instanceof Error ? error.message : String(error);
      },
    );
  }

  /** Stops the estimate in flight, if any; the last result stays. */
  stop(): void {
    this.#asked++;
    this.running = false;
    this.#estimator.cancel();
  }

  /** Stops the estimate in flight and ends its worker (the presentation closes). */
  dispose(): void {
    this.stop();
    this.#estimator.dispose();
  }
}
