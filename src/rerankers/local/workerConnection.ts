/**
 * Owns one Worker: request ids, routing replies to the request that is waiting for them, and telling every
 * waiting request when the worker dies. Replies for ids nobody waits for any more are dropped. Generic over the
 * protocol: the cross-encoder worker and the bi-encoder worker (dense/) each have their own.
 */
import type { WorkerReply, WorkerRequest } from './protocol';

export type CrashReply = { type: 'crash'; id: number; message: string; cause: string };
export type ReplyHandler<Reply = WorkerReply> = (reply: Reply | CrashReply) => void;

export class WorkerConnection<Request extends { id: number } = WorkerRequest, Reply extends { id: number } = WorkerReply> {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, ReplyHandler<Reply>>();
  private dead = false;

  constructor(createWorker: () => Worker, private nextId: () => number) {
    this.worker = createWorker();
    this.worker.onmessage = (event: MessageEvent<Reply>) => this.waiting.get(event.data.id)?.(event.data);
    this.worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.crash(`${event.message} (${event.filename}:${event.lineno})`);
    };
    this.worker.onmessageerror = () => this.crash('a message from the worker could not be read');
  }

  get alive(): boolean {
    return !this.dead;
  }

  /** Sends a request; `onReply` gets every reply with its id until `forget(id)`. Returns the id. */
  send(build: (id: number) => Request, onReply: ReplyHandler<Reply>): number {
    const request = build(this.nextId());
    this.waiting.set(request.id, onReply);
    if (this.dead) {
      queueMicrotask(() => onReply({ type: 'crash', id: request.id, message: 'worker stopped', cause: 'worker terminated' }));
    } else {
      this.worker.postMessage(request);
    }
    return request.id;
  }

  /** Fire-and-forget (cancel carries the id of the run it stops). */
  notify(request: Request): void {
    if (!this.dead) this.worker.postMessage(request);
  }

  forget(id: number): void {
    this.waiting.delete(id);
  }

  /** Stops the worker; everyone still waiting hears about it, so every promise settles. */
  terminate(cause = 'worker terminated'): void {
    if (this.dead) return;
    this.dead = true;
    this.worker.terminate();
    this.notifyAll('worker stopped', cause);
  }

  private crash(cause: string): void {
    if (this.dead) return;
    this.dead = true;
    this.worker.terminate();
    this.notifyAll('The model worker crashed.', cause);
  }

  private notifyAll(message: string, cause: string): void {
    const handlers = [...this.waiting.entries()];
    this.waiting.clear();
    for (const [id, handler] of handlers) handler({ type: 'crash', id, message, cause });
  }
}
