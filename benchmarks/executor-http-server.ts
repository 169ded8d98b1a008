/**
 * Child process of benchmarks/executor-http.ts: serves the heavy-tailed JSON payloads on
 * 127.0.0.1. `GET /payload/<i>` returns payload i mod count. It reports its port over IPC and exits
 * when its parent disconnects.
 */
import { createServer } from 'node:http';
import { DEFAULT_JSON_PAYLOAD_OPTIONS, drawPayloadSizes, makeJsonPayload } from '../src/models/executor/json-payload.ts';

const sizes = drawPayloadSizes(DEFAULT_JSON_PAYLOAD_OPTIONS);
const bodies = sizes.map((size, i) => Buffer.from(makeJsonPayload(size, i + 1)));

const server = createServer((request, response) => {
  const match = /^\/payload\/(\d+)$/.exec(request.url ?? '');
  if (!match) {
    response.writeHead(404).end();
    return;
  }
  const body = bodies[Number(match[1]) % bodies.length]!;
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  response.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  process.send?.({ port: address.port, sizes });
});
process.on('disconnect', () => {
  server.close();
  server.closeAllConnections();
  process.exit(0);
});
