import type { Context } from 'hono';

/** The part of @hono/node-server's bindings (`c.env.outgoing`, the Node response) used here. */
interface NodeBindings {
  outgoing?: { setHeader(name: string, value: string): unknown };
}

/**
 * Puts headers on the answer before the route runs. Under @hono/node-server they go onto the Node
 * response, whose writeHead merges them with the route's own (the route's win): the route's answer
 * then keeps its headers a plain object that @hono/node-server writes at once, where Hono's
 * `c.header` builds a Headers object for every answer (measured: 6 µs of a 130 µs GET).
 * Anywhere else (app.request, other runtimes) they go on through `c.header`.
 */
export function setHeadersAhead(c: Context, headers: Record<string, string>): void {
  const outgoing = (c.env as NodeBindings | undefined)?.outgoing;
  for (const name in headers) {
    if (outgoing) outgoing.setHeader(name, headers[name]!);
    else c.header(name, headers[name]);
  }
}
