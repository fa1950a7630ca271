import type { MonteCarloOptions, MonteCarloResult, Scenario } from '../engine';
import type { MonteCarloReply, MonteCarloRequest } from './monte-carlo.worker';

/** The rejection of a run that was cancelled. */
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

/** A running Monte Carlo: its result, and a way to stop it. */
export interface MonteCarloHandle {
  readonly promise: Promise<MonteCarloResult>;
  /** Stops the worker; the promise rejects with MonteCarloCancelled. Does nothing once the run has ended. */
  cancel(): void;
}

/**
 * Runs a Monte Carlo in a Web Worker so the page stays responsive: onProgress hears how many samples are done after
 * each chunk; the worker ends with the run (result, error or cancel).
 */
export function runMonteCarlo(
  scenario: Scenario,
  options: MonteCarloOptions,
  onProgress: (done: number, total: number) => void,
  createWorker: () => MonteCarloWorker = () =>
    new Worker(new URL('./monte-carlo.worker.ts', import.meta.url), { type: 'module' }),
): MonteCarloHandle {
  const worker = createWorker();
  let running = true;
  let fail: (error: Error) => void = () => undefined;
  const end = (): void => {
    running = false;
    worker.terminate();
  };
  const promise = new Promise<MonteCarloResult>((resolve, reject) => {
    fail = (error) => {
      end();
      reject(error);
    };
    worker.onmessage = ({ data }) => {
      if (!running) return;
      if (data.type === 'progress') onProgress(data.done, data.total);
      else if (data.type === 'result') {
        end();
        resolve(data.result);
      } else fail(new Error(data.message));
    };
    worker.onerror = (event) => {
      // Handled here: the browser need not report it again as uncaught.
      event.preventDefault();
      if (running) fail(new Error(event.message || 'the Monte Carlo worker failed'));
    };
  });
  try {
    // A Svelte state proxy cannot be cloned into a worker; a scenario is plain JSON, so a JSON copy is exact.
    const request: MonteCarloRequest = { scenario: JSON.parse(JSON.stringify(scenario)) as Scenario, options };
    worker.postMessage(request);
  } catch (error) {
    fail(error instanceof Error ? error : new Error(String(error)));
  }
  return {
    promise,
    cancel: () => {
      if (running) fail(new MonteCarloCancelled());
    },
  };
}
