import type { MonteCarloOptions, MonteCarloResult, Scenario } from '../engine';
import type { MonteCarloReply, MonteCarloRequest } from './monte-carlo.worker';

/** The rejection of a run that was cancelled, or superseded by a newer one. */
export class MonteCarloCancelled extends Error {
  constructor() {
    super('Monte Carlo run cancelled');
    this.name = 'MonteCarloCancelled';
  }
}

/** The part of a Worker the client uses, so that tests can pass a fake. */
export interface MonteCarloWorker {
  onmessage: ((event: MessageEvent<MonteCarloReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(request: MonteCarloRequest): void;
  terminate(): void;
}

/** Makes a worker: the real one in the app, a fake in tests. */
export type CreateWorker = () => MonteCarloWorker;

const newWorker: CreateWorker = () =>
  new Worker(new URL('./monte-carlo.worker.ts', import.meta.url), { type: 'module' });

interface Pending {
  readonly id: number;
  readonly resolve: (result: MonteCarloResult) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress: (done: number, total: number) => void;
}

/**
 * One Monte Carlo worker kept for a stream of runs, so the page stays responsive and no run pays for starting a
 * worker: the worker starts with the first run, a newer run supersedes the one pending (which rejects with
 * MonteCarloCancelled; the worker abandons it at its next chunk), a worker that fails is dropped and the next run
 * starts a fresh one, and dispose terminates it.
 */
export class MonteCarloClient {
  readonly #create: CreateWorker;
  #worker: MonteCarloWorker | null = null;
  #pending: Pending | null = null;
  #lastId = 0;

  constructor(create: CreateWorker = newWorker) {
    this.#create = create;
  }

  /** Runs the scenario; onProgress hears how many samples are done after each chunk. */
  run(
    scenario: Scenario,
    options: MonteCarloOptions,
    onProgress: (done: number, total: number) => void = () => undefined,
  ): Promise<MonteCarloResult> {
    this.cancel();
    const id = ++this.#lastId;
    const promise = new Promise<MonteCarloResult>((resolve, reject) => {
      this.#pending = { id, resolve, reject, onProgress };
    });
    try {
      // A Svelte state proxy cannot be cloned into a worker; a scenario is plain JSON, so a JSON copy is exact.
      const request: MonteCarloRequest = { id, scenario: JSON.parse(JSON.stringify(scenario)) as Scenario, options };
      (this.#worker ??= this.#start()).postMessage(request);
    } catch (error) {
      this.#settle(id)?.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return promise;
  }

  /**
   * Drops the pending run, if any: it rejects with MonteCarloCancelled and its answer is ignored (the worker finishes
   * it unheard unless a newer run comes first); the worker stays for the next.
   */
  cancel(): void {
    this.#settle(this.#lastId)?.reject(new MonteCarloCancelled());
  }

  /** Cancels the pending run and terminates the worker; a later run starts a new one. */
  dispose(): void {
    this.cancel();
    this.#worker?.terminate();
    this.#worker = null;
  }

  // The pending run if it is request id, no longer pending.
  #settle(id: number): Pending | null {
    const pending = this.#pending;
    if (pending?.id !== id) return null;
    this.#pending = null;
    return pending;
  }

  #start(): MonteCarloWorker {
    const worker = this.#create();
    worker.onmessage = ({ data }) => {
      if (this.#pending?.id !== data.id) return;
      if (data.type === 'progress') this.#pending.onProgress(data.done, data.total);
      else if (data.type === 'result') this.#settle(data.id)?.resolve(data.result);
      else this.#settle(data.id)?.reject(new Error(data.message));
    };
    worker.onerror = (event) => {
      // Handled here: the browser need not report it again as uncaught.
      event.preventDefault();
      if (this.#worker !== worker) return;
      // A worker that failed to load or crashed is not trusted again.
      worker.terminate();
      this.#worker = null;
      this.#settle(this.#lastId)?.reject(new Error(event.message || 'the Monte Carlo worker failed'));
    };
    return worker;
  }
}

/** A running Monte Carlo: its result, and a way to stop it. */
export interface MonteCarloHandle {
  readonly promise: Promise<MonteCarloResult>;
  /** Stops the worker; the promise rejects with MonteCarloCancelled. Does nothing once the run has ended. */
  cancel(): void;
}

/**
 * Runs one Monte Carlo in a worker of its own (the analysis panel's long runs): onProgress hears how many samples
 * are done after each chunk; the worker ends with the run (result, error or cancel).
 */
export function runMonteCarlo(
  scenario: Scenario,
  options: MonteCarloOptions,
  onProgress: (done: number, total: number) => void,
  createWorker: CreateWorker = newWorker,
): MonteCarloHandle {
  const client = new MonteCarloClient(createWorker);
  const promise = client.run(scenario, options, onProgress);
  const end = (): void => client.dispose();
  promise.then(end, end);
  return { promise, cancel: end };
}
