import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

export interface ClientAddress {
  /** The client's IP address (`null` only if the socket is already gone). */
  ip: string | null;
  /** The request reached the outermost trusted proxy over https (its `X-Forwarded-Proto`). */
  https: boolean;
}

/** `::ffff:127.0.0.1` (IPv4 on a dual-stack socket) → `127.0.0.1`. */
function plain(address: string | undefined): string | null {
  if (!address) return null;
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** Every value of a header that may be repeated and comma-separated, in order. */
function listOf(header: string | string[] | undefined): string[] {
  const values = Array.isArray(header) ? header : header === undefined ? [] : [header];
  return values.flatMap((value) => value.split(",")).map((value) => value.trim());
}

/**
 * Who is calling (DESIGN §4, `TRUST_PROXY`). With `trustedHops` = 0 the socket's address, and
 * `X-Forwarded-*` is ignored whoever sends it. With N > 0 the socket is the last of N trusted
 * proxies; each appended the address it saw to `X-Forwarded-For`, so the client is the N-th entry
 * from the right (what the outermost trusted proxy saw; entries further left were written by the
 * client and are never used). Fewer entries than N: the leftmost one. An entry that is not an IP
 * address: the socket's address. `X-Forwarded-Proto` is read the same way.
 */
export function clientAddress(req: IncomingMessage, trustedHops: number): ClientAddress {
  const socket = plain(req.socket.remoteAddress);
  if (trustedHops <= 0) return { ip: socket, https: false };
  const forwarded = listOf(req.headers["x-forwarded-for"]).filter(Boolean);
  const chosen = forwarded.length > 0 ? forwarded[Math.max(0, forwarded.length - trustedHops)] : undefined;
  const ip = chosen && isIP(plain(chosen) ?? "") ? plain(chosen) : socket;
  const protos = listOf(req.headers["x-forwarded-proto"]).filter(Boolean);
  const proto = protos.length > 0 ? protos[Math.max(0, protos.length - trustedHops)] : undefined;
  return { ip, https: proto?.toLowerCase() === "https" };
}
