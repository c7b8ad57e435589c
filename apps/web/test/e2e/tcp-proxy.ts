import { connect, createServer, type Server, type Socket } from "node:net";

export interface TcpProxy {
  port: number;
  /** Cuts every connection and stops listening: the database is gone. */
  cut(): Promise<void>;
  /** Listens again on the same port (if cut): the database is back. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** A real TCP forwarder on loopback, in front of a server (e.g. PostgreSQL), to take it away and back. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = async () => {
    server = createServer((client) => {
      const upstream = connect(target.port, target.host);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
        socket.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    const listening = server;
    await new Promise<void>((resolve, reject) => {
      listening.once("error", reject);
      listening.listen(port, "127.0.0.1", resolve);
    });
    port = (listening.address() as { port: number }).port;
  };
  const cut = async () => {
    if (!server) return;
    const closing = server;
    server = null;
    const closed = new Promise<void>((resolve) => closing.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  const restore = async () => {
    if (!server) await listen();
  };
  await listen();
  return { port, cut, restore, close: cut };
}
