import { describe, expect, it } from 'vitest';
import { applyLevers, MonteCarloRun, type MonteCarloOptions, type MonteCarloResult, type Scenario } from '../engine';
import { FakeWorkers } from '../analysis/fake-worker';
import { MonteCarloCancelled, MonteCarloClient } from '../analysis/monte-carlo-client';
import { quangNinh } from '../templates/quang-ninh';
import { LIVE_SAMPLES, LiveOdds, type Estimator } from './live-odds.svelte';

const ranged = applyLevers(quangNinh.scenario, {
  manufacturing: { mode: 'rate', value: 0.25, range: { kind: 'uniform', lo: 0.2, hi: 0.3 } },
});

// Estimates asked by the state, each finished by the test: with the real engine, with an error, or never.
class Runs implements Estimator {
  readonly started: { scenario: Scenario; options: MonteCarloOptions; cancelled: boolean }[] = [];
  disposed = false;
  readonly #settle: { resolve: (r: MonteCarloResult) => void; reject: (e: Error) => void }[] = [];

  run(scenario: Scenario, options: MonteCarloOptions): Promise<MonteCarloResult> {
    this.started.push({ scenario, options, cancelled: false });
    return new Promise<MonteCarloResult>((resolve, reject) => this.#settle.push({ resolve, reject }));
  }

  cancel(): void {
    const last = this.started.at(-1);
    if (last) last.cancelled = true;
    this.#settle.at(-1)?.reject(new MonteCarloCancelled());
  }

  dispose(): void {
    this.cancel();
    this.disposed = true;
  }

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
    const odds = new LiveOdds(runs);
    odds.estimate(quangNinh.scenario);
    expect(runs.started).toHaveLength(0);
    expect(odds.result).toBeNull();
    expect(odds.running).toBe(false);
  });

  it('estimates the odds of a ranged scenario with its own seed and the live sample count', async () => {
    const runs = new Runs();
    const odds = new LiveOdds(runs);
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

  it('a new estimate supersedes the one in flight, whose late answer is ignored', async () => {
    const runs = new Runs();
    const odds = new LiveOdds(runs);
    odds.estimate(ranged);
    const faster = applyLevers(ranged, {
      manufacturing: { mode: 'rate', value: 0.35, range: { kind: 'uniform', lo: 0.3, hi: 0.4 } },
    });
    odds.estimate(faster);
    expect(runs.started[1]!.scenario).toBe(faster);
    const second = runs.finish(1);
    // The older answer arrives last: it is not shown over the newer one.
    runs.finish(0);
    await settled();
    expect(odds.result).toBe(second);
    expect(odds.running).toBe(false);
  });

  it('keeps the last result while the next runs, and clears it when the ranges go', async () => {
    const runs = new Runs();
    const odds = new LiveOdds(runs);
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
    const odds = new LiveOdds(runs);
    odds.estimate(ranged);
    runs.fail(0, 'worker crashed');
    await settled();
    expect(odds.error).toBe('worker crashed');
    expect(odds.result).toBeNull();
    expect(odds.running).toBe(false);
  });

  it('dispose stops the estimate in flight and lets the worker go', () => {
    const runs = new Runs();
    const odds = new LiveOdds(runs);
    odds.estimate(ranged);
    odds.dispose();
    expect(runs.started[0]!.cancelled).toBe(true);
    expect(runs.disposed).toBe(true);
    expect(odds.running).toBe(false);
  });

  it('a lever moved again and again keeps one worker, which answers for the last position', async () => {
    const workers = new FakeWorkers();
    const odds = new LiveOdds(new MonteCarloClient(workers.create));
    odds.estimate(quangNinh.scenario);
    expect(workers.made).toHaveLength(0);
    const positions = [0.22, 0.25, 0.28, 0.31].map((value) =>
      applyLevers(quangNinh.scenario, {
        manufacturing: { mode: 'rate', value, range: { kind: 'uniform', lo: value - 0.05, hi: value + 0.05 } },
      }),
    );
    for (const s of positions) odds.estimate(s);
    const worker = workers.last;
    expect(worker.sent.map((r) => r.id)).toEqual([1, 2, 3, 4]);
    await worker.serveLast();
    await settled();
    expect(workers.made).toHaveLength(1);
    const expected = new MonteCarloRun(positions.at(-1)!, { samples: LIVE_SAMPLES });
    expected.step(LIVE_SAMPLES);
    expect(odds.result?.targets).toEqual(expected.result().targets);
    expect(odds.running).toBe(false);
    odds.dispose();
    expect(worker.terminated).toBe(true);
  });
});
