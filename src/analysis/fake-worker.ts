import type { MonteCarloWorker } from './monte-carlo-client';
import { MonteCarloServer, type MonteCarloReply, type MonteCarloRequest } from './monte-carlo.worker';

// Test doubles only: imported by tests, never by the app.

/** A stand-in for a Worker: records what the page sends and lets the test reply, fail, or run the real worker code. */
export class FakeWorker implements MonteCarloWorker {
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

  /** Delivers a reply to the page, as the worker would. */
  reply(data: MonteCarloReply): void {
    this.onmessage?.({ data } as MessageEvent<MonteCarloReply>);
  }

  /** Reports the worker failing to load or crashing. */
  fail(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }

  /** Runs the real worker code on the last request sent, relaying its replies; settles when it has answered. */
  serveLast(chunk = 400): Promise<void> {
    const server = new MonteCarloServer(
      (reply) => this.reply(reply),
      () => Promise.resolve(),
      chunk,
    );
    return server.receive(this.sent.at(-1)!);
  }
}

/** Fake workers made on demand, as a client asks for them. */
export class FakeWorkers {
  readonly made: FakeWorker[] = [];
  readonly create = (): FakeWorker => {
    const worker = new FakeWorker();
    this.made.push(worker);
    return worker;
  };

  /** The worker made last. */
  get last(): FakeWorker {
    return this.made.at(-1)!;
  }
}
