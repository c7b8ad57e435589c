import { type AddressInfo, connect, createServer, type Server, type Socket } from "node:net";

/** What the proxy does with traffic: forward it, refuse and drop every connection, or hold it. */
export type ProxyMode = "pass" | "cut" | "stall";

export interface TcpProxy {
  /** `127.0.0.1:<port>` of the proxy's listening side. */
  host: string;
  port: number;
  mode(): ProxyMode;
  /** Forward again: held connections resume, new ones are accepted (the port is listened on again). */
  pass(): Promise<void>;
  /** Destroys every open connection and stops listening, so new ones are refused (ECONNREFUSED). */
  cut(): Promise<void>;
  /** Stops forwarding in both directions, keeping every connection (and new ones) open. */
  stall(): void;
  /** Connections accepted so far. */
  accepted(): number;
  close(): Promise<void>;
}

interface Link {
  client: Socket;
  upstream: Socket | null;
}

/**
 * A real TCP proxy on loopback, between an application and its database, for fault tests: it
 * forwards bytes untouched until told to cut (connection reset + refused) or stall (sockets open,
 * nothing forwarded — what a hung network or a frozen server looks like to the client).
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: ProxyMode = "pass";
  let accepted = 0;
  const links = new Set<Link>();

  const drop = (link: Link) => {
    link.client.destroy();
    link.upstream?.destroy();
    links.delete(link);
  };

  const forward = (from: Socket, to: Socket) => {
    from.on("data", (chunk: Buffer) => {
      if (!to.write(chunk)) from.pause();
    });
    to.on("drain", () => {
      if (mode === "pass") from.resume();
    });
  };

  const open = (link: Link) => {
    const upstream = connect(target.port, target.host);
    link.upstream = upstream;
    forward(link.client, upstream);
    forward(upstream, link.client);
    upstream.on("error", () => drop(link));
    upstream.on("close", () => drop(link));
    link.client.resume();
  };

  const onConnection = (client: Socket) => {
    accepted += 1;
    client.setNoDelay(true);
    const link: Link = { client, upstream: null };
    links.add(link);
    client.on("error", () => drop(link));
    client.on("close", () => drop(link));
    client.pause();
    if (mode === "pass") open(link);
  };

  let server: Server = createServer(onConnection);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const listen = async () => {
    if (server.listening) return;
    server = createServer(onConnection);
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
  };
  const stopListening = () =>
    new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));

  return {
    host: "127.0.0.1",
    port,
    mode: () => mode,
    accepted: () => accepted,
    async pass() {
      mode = "pass";
      await listen();
      for (const link of links) {
        if (!link.upstream) open(link);
        else {
          link.client.resume();
          link.upstream.resume();
        }
      }
    },
    async cut() {
      mode = "cut";
      const closed = stopListening();
      for (const link of [...links]) {
        link.client.resetAndDestroy();
        link.upstream?.destroy();
        links.delete(link);
      }
      await closed;
    },
    stall() {
      mode = "stall";
      for (const link of links) {
        link.client.pause();
        link.upstream?.pause();
      }
    },
    async close() {
      mode = "cut";
      for (const link of [...links]) drop(link);
      await stopListening();
    },
  };
}
