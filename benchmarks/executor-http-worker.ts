/** worker_threads side of benchmarks/executor-http.ts: parses one JSON body per message. */
import { parentPort } from 'node:worker_threads';
import { summarizeRecords } from './executor-http-parse.ts';

if (parentPort === null) throw new Error('executor-http-worker.ts must run as a worker thread');
const port = parentPort;
port.on('message', (message: { id: number; body: ArrayBuffer | SharedArrayBuffer }) => {
  port.postMessage({ id: message.id, records: summarizeRecords(Buffer.from(message.body)) });
});
