import type { DemoLogin } from './demo-users.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';

/** A signed-in user of the product, as the session and the portal token carry them. */
export interface HostUser {
  id: string;
  username: string;
  name: string;
  email: string;
  accountId: string;
  accountName: string;
}

export interface UserDirectory {
  findById(id: string): HostUser | undefined;
  /** The user whose username and password these are; undefined for a wrong username or password alike. */
  signIn(username: string, password: string): Promise<HostUser | undefined>;
}

/** The product's user table: keeps each login's password only as its scrypt hash. */
export async function createUserDirectory(logins: DemoLogin[]): Promise<UserDirectory> {
  const users = await Promise.all(
    logins.map(async ({ id, username, name, email, accountId, accountName, password }) => ({
      user: { id, username, name, email, accountId, accountName },
      passwordHash: await hashPassword(password),
    })),
  );
  // A username nobody has still costs one hash check, so the answer's timing does not tell which usernames exist.
  const unknownUserHash = await hashPassword('no such user');
  return {
    findById: (id) => users.find(({ user }) => user.id === id)?.user,
    async signIn(username, password) {
      const found = users.find(({ user }) => user.username === username.trim().toLowerCase());
      const isValid = await verifyPassword(password, found?.passwordHash ?? unknownUserHash);
      return found && isValid ? found.user : undefined;
    },
  };
}
