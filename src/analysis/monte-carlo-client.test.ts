import { describe, expect, it, vi } from 'vitest';
import { quangNinh } from '../templates/quang-ninh';
import type { MonteCarloResult, Scenario } from '../engine';
import { FakeWorker, FakeWorkers } from './fake-worker';
import { MonteCarloCancelled, MonteCarloClient, runMonteCarlo } from './monte-carlo-client';
import { MonteCarloServer, type MonteCarloReply, type MonteCarloRequest } from './monte-carlo.worker';

const scenario: Scenario = {
  ...quangNinh.scenario,
  uncertainty: { 'manufacturing.growth': { draw: 'run', cells: { 2026: { kind: 'uniform', lo: 0.15, hi: 0.25 } } } },
  seed: 5,
};
const wider: Scenario = {
  ...scenario,
  uncertainty: { 'manufacturing.growth': { draw: 'run', cells: { 2026: { kind: 'uniform', lo: 0.05, hi: 0.35 } } } },
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

describe('runMonteCarlo', () => {
  it('sends the scenario as plain data, forwards progress and resolves with the result', async () => {
    const { worker, progress, handle } = start();
    expect(worker.sent).toEqual([{ id: 1, scenario, options: { samples: 1000, seed: 5 } }]);
    expect(worker.sent[0]!.scenario).not.toBe(scenario);
    await worker.serveLast();
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
    worker.reply({ id: 1, type: 'progress', done: 500, total: 1000 });
    handle.cancel();
    expect(worker.terminated).toBe(true);
    await expect(handle.promise).rejects.toBeInstanceOf(MonteCarloCancelled);
    worker.reply({ id: 1, type: 'progress', done: 1000, total: 1000 });
    worker.reply({ id: 1, type: 'result', result: {} as MonteCarloResult });
    expect(progress).toEqual([[500, 1000]]);
  });

  it('rejects with the message the worker reports', async () => {
    const { worker, handle } = start({ samples: 0, seed: 5 });
    await worker.serveLast();
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

describe('MonteCarloClient', () => {
  it('keeps one worker for run after run, each answered with its own result', async () => {
    const workers = new FakeWorkers();
    const client = new MonteCarloClient(workers.create);
    expect(workers.made).toHaveLength(0);
    for (const s of [scenario, wider, scenario]) {
      const promise = client.run(s, { samples: 300 });
      await workers.last.serveLast();
      const result = await promise;
      expect(result.samples).toBe(300);
    }
    expect(workers.made).toHaveLength(1);
    expect(workers.last.sent.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(workers.last.terminated).toBe(false);
  });

  it('a newer run supersedes the pending one, whose late progress and result are ignored', async () => {
    const workers = new FakeWorkers();
    const client = new MonteCarloClient(workers.create);
    const progress = vi.fn();
    const first = client.run(scenario, { samples: 300 }, progress);
    const second = client.run(wider, { samples: 300 });
    await expect(first).rejects.toBeInstanceOf(MonteCarloCancelled);
    const worker = workers.last;
    worker.reply({ id: 1, type: 'progress', done: 300, total: 300 });
    worker.reply({ id: 1, type: 'result', result: {} as MonteCarloResult });
    expect(progress).not.toHaveBeenCalled();
    await worker.serveLast();
    const result = await second;
    expect(result.samples).toBe(300);
    expect(worker.sent[1]!.scenario).toEqual(wider);
    expect(workers.made).toHaveLength(1);
  });

  it('a run that fails in the worker rejects with its message and keeps the worker', async () => {
    const workers = new FakeWorkers();
    const client = new MonteCarloClient(workers.create);
    const failed = client.run(scenario, { samples: 0 });
    await workers.last.serveLast();
    await expect(failed).rejects.toThrow(/samples must be an integer/);
    const next = client.run(scenario, { samples: 10 });
    await workers.last.serveLast();
    expect((await next).samples).toBe(10);
    expect(workers.made).toHaveLength(1);
  });

  it('a worker that crashes rejects the pending run, and the next run starts a fresh worker', async () => {
    const workers = new FakeWorkers();
    const client = new MonteCarloClient(workers.create);
    const crashed = client.run(scenario, { samples: 10 });
    const broken = workers.last;
    broken.fail('out of memory');
    await expect(crashed).rejects.toThrow('out of memory');
    expect(broken.terminated).toBe(true);
    const next = client.run(scenario, { samples: 10 });
    expect(workers.made).toHaveLength(2);
    expect(broken.sent).toHaveLength(1);
    await workers.last.serveLast();
    expect((await next).samples).toBe(10);
  });

  it('dispose cancels the pending run and terminates the worker; a later run starts a new one', async () => {
    const workers = new FakeWorkers();
    const client = new MonteCarloClient(workers.create);
    const pending = client.run(scenario, { samples: 10 });
    client.dispose();
    await expect(pending).rejects.toBeInstanceOf(MonteCarloCancelled);
    expect(workers.last.terminated).toBe(true);
    client.run(scenario, { samples: 10 }).catch(() => undefined);
    expect(workers.made).toHaveLength(2);
    expect(workers.last.terminated).toBe(false);
  });

  it('cancel drops the pending run but keeps the worker', async () => {
    const workers = new FakeWorkers();
    const client = new MonteCarloClient(workers.create);
    const pending = client.run(scenario, { samples: 10 });
    client.cancel();
    await expect(pending).rejects.toBeInstanceOf(MonteCarloCancelled);
    expect(workers.last.terminated).toBe(false);
  });
});

describe('the worker', () => {
  const request = (id: number, s: Scenario, samples: number): MonteCarloRequest => ({
    id,
    scenario: s,
    options: { samples, seed: 5 },
  });
  const steps = (replies: MonteCarloReply[]) =>
    replies.map((r) => `${r.id}:${r.type === 'progress' ? r.done : r.type}`);

  it('reports progress chunk by chunk, then the same result as a run in one go', async () => {
    const replies: MonteCarloReply[] = [];
    await new MonteCarloServer(
      (r) => replies.push(r),
      () => Promise.resolve(),
      500,
    ).receive(request(1, scenario, 1200));
    expect(steps(replies)).toEqual(['1:500', '1:1000', '1:1200', '1:result']);
    const again: MonteCarloReply[] = [];
    await new MonteCarloServer(
      (r) => again.push(r),
      () => Promise.resolve(),
      1200,
    ).receive(request(1, scenario, 1200));
    expect(again.at(-1)).toEqual(replies.at(-1));
  });

  it('abandons a run when newer requests arrive, and serves only the newest of them', async () => {
    const replies: MonteCarloReply[] = [];
    let pauses = 0;
    const server: MonteCarloServer = new MonteCarloServer(
      (r) => replies.push(r),
      async () => {
        // Two requests arrive while the first run's first chunk is computed.
        if (++pauses === 1) {
          void server.receive(request(2, wider, 1000));
          void server.receive(request(3, wider, 1000));
        }
      },
      500,
    );
    await server.receive(request(1, scenario, 1500));
    expect(steps(replies)).toEqual(['1:500', '3:500', '3:1000', '3:result']);
  });

  it('posts a failure as an error message and serves the next request', async () => {
    const replies: MonteCarloReply[] = [];
    const server = new MonteCarloServer(
      (r) => replies.push(r),
      () => Promise.resolve(),
    );
    await server.receive({ id: 1, scenario, options: { samples: 10, seed: 2 ** 33 } });
    expect(replies).toEqual([{ id: 1, type: 'error', message: expect.stringContaining('seed') }]);
    await server.receive(request(2, scenario, 10));
    expect(steps(replies).at(-1)).toBe('2:result');
  });
});
