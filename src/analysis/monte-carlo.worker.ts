import { MonteCarloRun, type MonteCarloOptions, type MonteCarloResult, type Scenario } from '../engine';

/** What the page sends the worker: one run. */
export interface MonteCarloRequest {
  readonly scenario: Scenario;
  readonly options: MonteCarloOptions;
}

/** What the worker sends back: progress after each chunk, then the result or an error. */
export type MonteCarloReply =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'result'; readonly result: MonteCarloResult }
  | { readonly type: 'error'; readonly message: string };

/** Samples between progress reports: about a twentieth of a default run. */
export const CHUNK = 500;

/** Runs one request in chunks, posting progress after each and the result at the end; any failure is posted as an error. */
export function serve(request: MonteCarloRequest, post: (reply: MonteCarloReply) => void, chunk = CHUNK): void {
  try {
    const run = new MonteCarloRun(request.scenario, request.options);
    // No need to yield between chunks: progress messages leave at once, and cancelling terminates the worker.
    while (!run.done) post({ type: 'progress', done: run.step(chunk), total: run.samples });
    post({ type: 'result', result: run.result() });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<MonteCarloRequest>) => void) | null;
  postMessage(reply: MonteCarloReply): void;
}

// Only inside a worker: unit tests import serve() in Node, where there is no `self`.
if (typeof self !== 'undefined') {
  const scope = self as unknown as WorkerScope;
  scope.onmessage = (event) => serve(event.data, (reply) => scope.postMessage(reply));
}
