import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * Starts `server` on 127.0.0.1 (a free port unless one is given) and tracks its sockets, so the test
 * server can be closed at once even with connections open. Test servers never listen elsewhere.
 */
export async function listenOnLoopback(server: Server, port = 0): Promise<{ origin: string; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done());
  });
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sockets };
}
