import type { PortalDb } from '../store/database.ts';
import type { DemoUser } from './demo-token.ts';
import type { InProcessClient } from './in-process-client.ts';
import type { SeedClock } from './timeline.ts';

export interface SeedContext {
  db: PortalDb;
  clock: SeedClock;
  today: string;
  /** The vendor's systems, through the admin API. */
  admin: InProcessClient;
  /** One of an account's users, through the portal API. */
  asUser(user: DemoUser): Promise<InProcessClient>;
  /** The sandbox gateway's tokenizer, called as a browser calls it: without the portal's token. */
  gateway: InProcessClient;
}

/** A demo customer account and the story of its last year. */
export interface DemoAccount {
  id: string;
  seed(context: SeedContext): Promise<void>;
}
