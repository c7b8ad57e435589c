// A minimal Chrome DevTools Protocol client over the inspector's WebSocket (Node's global
// WebSocket: run with --experimental-websocket on Node 20), to profile the running server.

/** Opens the inspector of process `pid` (SIGUSR1) and returns the URL it printed in `log()`. */
export async function activateInspector(pid, log) {
  process.kill(pid, "SIGUSR1");
  for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
    const url = /Debugger listening on (ws:\/\/\S+)/.exec(log())?.[1];
    if (url) return url;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the server's inspector did not open");
}

/** Connects to a DevTools WebSocket URL; `send(method, params)` resolves to the result. */
export async function connect(url) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", reject, { once: true });
  });
  let nextId = 1;
  const pending = new Map();
  const listeners = new Map();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(event.data);
    if (message.id && pending.has(message.id)) {
      const { resolve, reject } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reject(new Error(`${message.error.message} (${message.error.code})`));
      else resolve(message.result);
    } else if (message.method) {
      for (const listener of listeners.get(message.method) ?? []) listener(message.params);
    }
  });
  return {
    send(method, params = {}) {
      const id = nextId++;
      socket.send(JSON.stringify({ id, method, params }));
      return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
    },
    on(method, listener) {
      if (!listeners.has(method)) listeners.set(method, []);
      listeners.get(method).push(listener);
    },
    /** Evaluates an expression in the server (awaiting a promise) and returns its JSON value. */
    async evaluate(expression) {
      const { result, exceptionDetails } = await this.send("Runtime.evaluate", {
        expression,
        awaitPromise: true,
        returnByValue: true,
        includeCommandLineAPI: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value;
    },
    close: () => socket.close(),
  };
}
