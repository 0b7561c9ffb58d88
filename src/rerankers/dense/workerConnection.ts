/** The bi-encoder worker's connection: local/workerConnection.ts, typed for the dense protocol. */
import { WorkerConnection, type ReplyHandler as AnyReplyHandler } from '../local/workerConnection';
import type { DenseWorkerReply, DenseWorkerRequest } from './protocol';

export type { CrashReply } from '../local/workerConnection';
export type ReplyHandler = AnyReplyHandler<DenseWorkerReply>;

export class DenseWorkerConnection extends WorkerConnection<DenseWorkerRequest, DenseWorkerReply> {}
