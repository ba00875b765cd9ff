import type { CustomerRow, UserRow } from '../store/schema.ts';

/** The signed-in user of a portal request and their account. */
export interface Principal {
  customer: CustomerRow;
  user: UserRow;
  hasPortalAccess: boolean;
  /** The account's Site Admin as read when signing in, whom the standing and a 403 name. */
  siteAdmin: Pick<UserRow, 'name' | 'email'> | null;
}

export interface PortalEnv {
  Variables: {
    requestId: string;
    principal: Principal;
  };
}
