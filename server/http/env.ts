import type { UserRow } from '../store/schema.ts';

/** The signed-in user of a portal request and their account. */
export interface Principal {
  /** The account's id; a route that needs more of the account reads it with loadAccount. */
  customerId: string;
  user: UserRow;
  hasPortalAccess: boolean;
  /** The account's Site Admin when signing in already knows them (the user is the Site Admin); else undefined: look them up. */
  siteAdmin: Pick<UserRow, 'name' | 'email'> | undefined;
}

export interface PortalEnv {
  Variables: {
    requestId: string;
    principal: Principal;
  };
}
