import { MonteCarloRun, type MonteCarloOptions, type MonteCarloResult, type Scenario } from '../engine';

/** What the page sends the worker: one run, numbered by the page. A newer request supersedes an older one. */
export interface MonteCarloRequest {
  readonly id: number;
  readonly scenario: Scenario;
  readonly options: MonteCarloOptions;
}

/** What the worker sends back about request id: progress after each chunk, then the result or an error. */
export type MonteCarloReply = { readonly id: number } & (
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'result'; readonly result: MonteCarloResult }
  | { readonly type: 'error'; readonly message: string }
);

/** Samples between progress reports: about a twentieth of a default run. */
export const CHUNK = 500;

/** Lets the messages that arrived meanwhile be handled before the next chunk. */
export type Pause = () => Promise<void>;

/**
 * Serves requests one at a time, each in chunks with progress after each and the result at the end; any failure is
 * posted as an error. A request that arrives while another runs supersedes it: the outdated run is abandoned at its
 * next chunk without a reply, and only the newest of the requests that arrived meanwhile runs.
 */
export class MonteCarloServer {
  readonly #post: (reply: MonteCarloReply) => void;
  readonly #pause: Pause;
  readonly #chunk: number;
  #next: MonteCarloRequest | undefined;
  #busy = false;
  #served: Promise<void> = Promise.resolve();

  constructor(post: (reply: MonteCarloReply) => void, pause: Pause, chunk = CHUNK) {
    this.#post = post;
    this.#pause = pause;
    this.#chunk = chunk;
  }

  /** Takes a request: runs it now, or once the running one stops at its next chunk. Settles when all are served. */
  receive(request: MonteCarloRequest): Promise<void> {
    this.#next = request;
    // Busy from here on, before the run's first chunk: a request taken meanwhile waits its turn.
    if (!this.#busy) {
      this.#busy = true;
      this.#served = this.#drain();
    }
    return this.#served;
  }

  async #drain(): Promise<void> {
    try {
      for (let request = this.#take(); request; request = this.#take()) await this.#serve(request);
    } finally {
      this.#busy = false;
    }
  }

  #take(): MonteCarloRequest | undefined {
    const request = this.#next;
    this.#next = undefined;
    return request;
  }

  async #serve({ id, scenario, options }: MonteCarloRequest): Promise<void> {
    try {
      const run = new MonteCarloRun(scenario, options);
      while (!run.done) {
        this.#post({ id, type: 'progress', done: run.step(this.#chunk), total: run.samples });
        await this.#pause();
        if (this.#next) return;
      }
      this.#post({ id, type: 'result', result: run.result() });
    } catch (error) {
      this.#post({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }
}

// A message to itself through a channel is a task like the page's messages, so those that arrived meanwhile are
// handled before the next chunk; a chain of zero timeouts would be clamped to 4 ms each after the fifth.
function channelPause(): Pause {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<MonteCarloRequest>) => void) | null;
  postMessage(reply: MonteCarloReply): void;
}

// Only inside a worker: unit tests import MonteCarloServer in Node, where there is no `self`.
if (typeof self !== 'undefined') {
  const scope = self as unknown as WorkerScope;
  const server = new MonteCarloServer((reply) => scope.postMessage(reply), channelPause());
  scope.onmessage = (event) => void server.receive(event.data);
}
