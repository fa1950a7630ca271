import { describe, expect, it, vi } from 'vitest';
import { quangNinh } from '../templates/quang-ninh';
import type { MonteCarloResult, Scenario } from '../engine';
import { MonteCarloCancelled, runMonteCarlo, type MonteCarloWorker } from './monte-carlo-client';
import { serve, type MonteCarloReply, type MonteCarloRequest } from './monte-carlo.worker';

/** A stand-in for a Worker: records what the page sends and lets the test reply. */
class FakeWorker implements MonteCarloWorker {
  onmessage: MonteCarloWorker['onmessage'] = null;
  onerror: MonteCarloWorker['onerror'] = null;
  readonly sent: MonteCarloRequest[] = [];
  terminated = false;

  postMessage(request: MonteCarloRequest): void {
    this.sent.push(request);
  }

  terminate(): void {
    this.terminated = true;
  }

  reply(data: MonteCarloReply): void {
    this.onmessage?.({ data } as MessageEvent<MonteCarloReply>);
  }

  fail(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }
}

const scenario: Scenario = {
  ...quangNinh.scenario,
  uncertainty: { 'manufacturing.growth': { draw: 'run', cells: { 2026: { kind: 'uniform', lo: 0.15, hi: 0.25 } } } },
  seed: 5,
};

function start(options = { samples: 1000, seed: 5 }) {
  const worker = new FakeWorker();
  const progress: [number, number][] = [];
  const handle = runMonteCarlo(
    scenario,
    options,
    (done, total) => progress.push([done, total]),
    () => worker,
  );
  return { worker, progress, handle };
}

// Runs the real worker code on the request the client sent, and relays its replies through the fake.
function serveThrough(worker: FakeWorker): void {
  serve(worker.sent[0]!, (reply) => worker.reply(reply), 400);
}

describe('runMonteCarlo', () => {
  it('sends the scenario as plain data, forwards progress and resolves with the result', async () => {
    const { worker, progress, handle } = start();
    expect(worker.sent).toEqual([{ scenario, options: { samples: 1000, seed: 5 } }]);
    expect(worker.sent[0]!.scenario).not.toBe(scenario);
    serveThrough(worker);
    const result = await handle.promise;
    expect(progress).toEqual([
      [400, 1000],
      [800, 1000],
      [1000, 1000],
    ]);
    expect(result.samples).toBe(1000);
    expect(result.seed).toBe(5);
    expect(result.share.p50).toBeInstanceOf(Float64Array);
    expect(worker.terminated).toBe(true);
  });

  it('cancel terminates the worker and rejects with MonteCarloCancelled; later messages are ignored', async () => {
    const { worker, progress, handle } = start();
    worker.reply({ type: 'progress', done: 500, total: 1000 });
    handle.cancel();
    expect(worker.terminated).toBe(true);
    await expect(handle.promise).rejects.toBeInstanceOf(MonteCarloCancelled);
    worker.reply({ type: 'progress', done: 1000, total: 1000 });
    worker.reply({ type: 'result', result: {} as MonteCarloResult });
    expect(progress).toEqual([[500, 1000]]);
  });

  it('rejects with the message the worker reports', async () => {
    const { worker, handle } = start({ samples: 0, seed: 5 });
    serveThrough(worker);
    await expect(handle.promise).rejects.toThrow(/samples must be an integer/);
    expect(worker.terminated).toBe(true);
    // Cancelling after the end changes nothing.
    handle.cancel();
    await expect(handle.promise).rejects.not.toBeInstanceOf(MonteCarloCancelled);
  });

  it('rejects when the worker itself fails to load or crashes', async () => {
    const { worker, handle } = start();
    worker.fail('Failed to fetch worker script');
    await expect(handle.promise).rejects.toThrow('Failed to fetch worker script');
    expect(worker.terminated).toBe(true);
  });

  it('rejects when the request cannot be sent', async () => {
    const worker = new FakeWorker();
    worker.postMessage = () => {
      throw new Error('DataCloneError');
    };
    const handle = runMonteCarlo(scenario, { samples: 10 }, vi.fn(), () => worker);
    await expect(handle.promise).rejects.toThrow('DataCloneError');
    expect(worker.terminated).toBe(true);
  });
});

describe('the worker', () => {
  it('reports progress chunk by chunk, then the same result as a run in one go', () => {
    const replies: MonteCarloReply[] = [];
    serve({ scenario, options: { samples: 1200, seed: 5 } }, (r) => replies.push(r), 500);
    expect(replies.map((r) => (r.type === 'progress' ? r.done : r.type))).toEqual([500, 1000, 1200, 'result']);
    const again: MonteCarloReply[] = [];
    serve({ scenario, options: { samples: 1200, seed: 5 } }, (r) => again.push(r), 1200);
    expect(again.at(-1)).toEqual(replies.at(-1));
  });

  it('posts a failure as an error message', () => {
    const replies: MonteCarloReply[] = [];
    serve({ scenario, options: { samples: 10, seed: 2 ** 33 } }, (r) => replies.push(r));
    expect(replies).toEqual([{ type: 'error', message: expect.stringContaining('seed') }]);
  });
});
