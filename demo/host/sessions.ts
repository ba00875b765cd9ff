import { randomBytes } from 'node:crypto';

export const sessionCookie = 'acme_session';
export const sessionLifetimeSeconds = 8 * 60 * 60;

/** Signed-in browsers by an unguessable cookie value; in memory, so a restart signs everyone out. */
export function createSessionStore(now: () => number = Date.now) {
  const sessions = new Map<string, { userId: string; expiresAt: number }>();
  return {
    /** A new session id for `userId`: a fresh one at every sign-in, never one the browser brought. */
    start(userId: string): string {
      const id = randomBytes(32).toString('base64url');
      sessions.set(id, { userId, expiresAt: now() + sessionLifetimeSeconds * 1000 });
      return id;
    },
    userIdOf(id: string | undefined): string | undefined {
      const session = id === undefined ? undefined : sessions.get(id);
      if (!session) return undefined;
      if (session.expiresAt <= now()) {
        sessions.delete(id!);
        return undefined;
      }
      return session.userId;
    },
    end(id: string | undefined): void {
      if (id !== undefined) sessions.delete(id);
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
