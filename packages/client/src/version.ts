import { API_VERSION, API_VERSION_HEADER, MIN_API_VERSION_HEADER } from "@profilehub/api/version";

/**
 * The ProfileHub API version this client was built for. Sent with every typed call (header
 * `x-profilehub-api-version`); a server that no longer answers it refuses the call with
 * `client_outdated`. Every answer carries the server's version and the oldest it answers.
 */
export const CLIENT_API_VERSION: number = API_VERSION;

/** The header names of the version handshake. */
export const VERSION_HEADERS = {
  /** Sent by the client: its API version. */
  client: API_VERSION_HEADER,
  /** On every answer: the server's API version. */
  server: API_VERSION_HEADER,
  /** On every answer: the oldest client API version the server answers. */
  minimum: MIN_API_VERSION_HEADER,
} as const;
