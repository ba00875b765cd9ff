import type { AccessUpdate, AccessUserList } from '../../contract/access.ts';
import type { Me } from '../../contract/me.ts';
import { forbidden } from '../fixtures/problem.ts';
import { json, problemResponse } from './answers.ts';
import type { Routes } from './fixture-server.ts';

/**
 * GET /v1/me, the access list, and PUT /v1/access/users/{sub}, which gives or removes access as the
 * server does: a user who removed their own access is refused the list from then on (403).
 */
export function accessResource(users: AccessUserList, me: Me): Routes {
  let list = users.data;
  const holdsAccess = () => list.find((user) => user.sub === me.sub)?.hasPortalAccess ?? me.hasPortalAccess;
  return {
    'GET /v1/me': () => json({ ...me, hasPortalAccess: holdsAccess() }),
    'GET /v1/access/users': () => (holdsAccess() ? json({ data: list, nextCursor: null }) : problemResponse(forbidden)),
    'PUT /v1/access/users/{sub}': async (request, { sub }) => {
      const { portalAccess } = (await request.json()) as AccessUpdate;
      // The element only offers a switch for users in the list it read.
      const user = list.find((candidate) => candidate.sub === sub)!;
      const changed = {
        ...user,
        hasPortalAccess: portalAccess,
        grantedAt: portalAccess ? new Date().toISOString() : null,
        grantedBy: portalAccess ? (me.name ?? me.sub) : null,
      };
      list = list.map((candidate) => (candidate.sub === sub ? changed : candidate));
      return json(changed);
    },
  };
}
