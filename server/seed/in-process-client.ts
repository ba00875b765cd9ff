import type * as z from 'zod';
import type { PortalApp } from '../app.ts';

/** Calls the portal's HTTP API in-process and checks each answer against its contract schema. */
export function inProcessClient(app: PortalApp, bearerToken?: string) {
  async function send<T extends z.ZodType>(method: string, path: string, answer: T, body?: unknown): Promise<z.output<T>> {
    const response = await app.request(path, {
      method,
      headers: {
        ...(bearerToken && { Authorization: `Bearer ${bearerToken}` }),
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const payload: unknown = await response.json();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(payload)}`);
    return answer.parse(payload);
  }
  return {
    get: <T extends z.ZodType>(path: string, answer: T) => send('GET', path, answer),
    post: <T extends z.ZodType>(path: string, answer: T, body: unknown) => send('POST', path, answer, body),
    put: <T extends z.ZodType>(path: string, answer: T, body: unknown) => send('PUT', path, answer, body),
  };
}

export type InProcessClient = ReturnType<typeof inProcessClient>;
