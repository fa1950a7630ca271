import { describe, expect, it } from 'vitest';
import { applyLevers, MonteCarloRun, type MonteCarloOptions, type MonteCarloResult, type Scenario } from '../engine';
import { MonteCarloCancelled, type MonteCarloHandle } from '../analysis/monte-carlo-client';
import { quangNinh } from '../templates/quang-ninh';
import { LIVE_SAMPLES, LiveOdds } from './live-odds.svelte';

const ranged = applyLevers(quangNinh.scenario, {
  manufacturing: { mode: 'rate', value: 0.25, range: { kind: 'uniform', lo: 0.2, hi: 0.3 } },
});

// Runs started by the state, each finished by the test: with the real engine, with an error, or never.
class Runs {
  readonly started: { scenario: Scenario; options: MonteCarloOptions; cancelled: boolean }[] = [];
  readonly #settle: { resolve: (r: MonteCarloResult) => void; reject: (e: Error) => void }[] = [];

  readonly start = (scenario: Scenario, options: MonteCarloOptions): MonteCarloHandle => {
    const entry = { scenario, options, cancelled: false };
    this.started.push(entry);
    let settle!: { resolve: (r: MonteCarloResult) => void; reject: (e: Error) => void };
    const promise = new Promise<MonteCarloResult>((resolve, reject) => (settle = { resolve, reject }));
    this.#settle.push(settle);
    return {
      promise,
      cancel: () => {
        entry.cancelled = true;
        settle.reject(new MonteCarloCancelled());
      },
    };
  };

  /** Finishes run i with the engine's own result for what it was asked. */
  finish(i: number): MonteCarloResult {
    const { scenario, options } = this.started[i]!;
    const run = new MonteCarloRun(scenario, options);
    run.step(options.samples);
    const result = run.result();
    this.#settle[i]!.resolve(result);
    return result;
  }

  fail(i: number, message: string): void {
    this.#settle[i]!.reject(new Error(message));
  }
}

const settled = () => new Promise((r) => setTimeout(r, 0));

describe('LiveOdds', () => {
  it('starts no run and shows nothing for a scenario without ranges', () => {
    const runs = new Runs();
    const odds = new LiveOdds(runs.start);
    odds.estimate(quangNinh.scenario);
    expect(runs.started).toHaveLength(0);
    expect(odds.result).toBeNull();
    expect(odds.running).toBe(false);
  });

  it('estimates the odds of a ranged scenario with its own seed and the live sample count', async () => {
    const runs = new Runs();
    const odds = new LiveOdds(runs.start);
    odds.estimate(ranged);
    expect(odds.running).toBe(true);
    expect(runs.started[0]!.options).toEqual({ samples: LIVE_SAMPLES });
    const expected = runs.finish(0);
    await settled();
    expect(odds.running).toBe(false);
    expect(odds.result).toBe(expected);
    // A 20–30% manufacturing rate from 2025 on misses 30% in 2030 sometimes and meets it sometimes.
    const p = expected.targets.find((t) => t.year === 2030)!.probability;
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  });

  it('a new estimate cancels the one in flight, whose late answer is ignored', async () => {
    const runs = new Runs();
    const odds = new LiveOdds(runs.start);
    odds.estimate(ranged);
    const faster = applyLevers(ranged, {
      manufacturing: { mode: 'rate', value: 0.35, range: { kind: 'uniform', lo: 0.3, hi: 0.4 } },
    });
    odds.estimate(faster);
    expect(runs.started[0]!.cancelled).toBe(true);
    const second = runs.finish(1);
    await settled();
    expect(odds.result).toBe(second);
    expect(odds.running).toBe(false);
  });

  it('keeps the last result while the next runs, and clears it when the ranges go', async () => {
    const runs = new Runs();
    const odds = new LiveOdds(runs.start);
    odds.estimate(ranged);
    const first = runs.finish(0);
    await settled();
    odds.estimate(ranged);
    expect(odds.running).toBe(true);
    expect(odds.result).toBe(first);
    odds.estimate(quangNinh.scenario);
    expect(runs.started[1]!.cancelled).toBe(true);
    expect(odds.result).toBeNull();
    expect(odds.running).toBe(false);
  });

  it('a failed run shows its message instead of stale odds', async () => {
    const runs = new Runs();
    const odds = new LiveOdds(runs.start);
    odds.estimate(ranged);
    runs.fail(0, 'worker crashed');
    await settled();
    expect(odds.error).toBe('worker crashed');
    expect(odds.result).toBeNull();
    expect(odds.running).toBe(false);
  });
});
