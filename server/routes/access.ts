import { Hono } from 'hono';
import { AccessUpdate, Subject } from '../../contract/access.ts';
import type { Clock } from '../clock.ts';
import { notFound, ProblemError } from '../errors.ts';
import type { PortalEnv } from '../http/env.ts';
import { jsonBody, parseOrThrow } from '../http/validate.ts';
import { newId } from '../ids.ts';
import { recordAudit } from '../store/audit.ts';
import type { PortalDb } from '../store/database.ts';
import { inTransaction } from '../store/in-transaction.ts';
import {
  deletePortalGrant,
  deleteUser,
  findAccessUser,
  findUser,
  insertPortalGrant,
  insertUser,
  listAccessUsers,
  updateUser,
} from '../store/users.ts';

const siteAdminRefusal = (what: string) =>
  new ProblemError(409, 'conflict', {
    detail: `The Site Admin always keeps Customer Portal View, so you cannot ${what}. To hand over, ask support to name a new Site Admin first.`,
  });

export function accessRoutes(deps: { db: PortalDb; clock: Clock }) {
  return new Hono<PortalEnv>()
    .get('/users', async (c) => {
      return c.json({ data: await listAccessUsers(deps.db, c.get('principal').customerId), nextCursor: null });
    })
    .put('/users/:sub', async (c) => {
      const { customerId, user: actor } = c.get('principal');
      const subject = parseOrThrow(Subject, c.req.param('sub'), 'path');
      const change = await jsonBody(c, AccessUpdate);
      const now = deps.clock.now().toISOString();
      await inTransaction(deps.db, async (trx) => {
        let target = await findUser(trx, customerId, subject);
        if (target?.is_site_admin === 1 && !change.portalAccess) throw siteAdminRefusal('revoke it from them');
        const before = target && (await findAccessUser(trx, customerId, subject));
        if (!target) {
          target = {
            id: newId('usr'),
            customer_id: customerId,
            subject,
            name: change.name ?? null,
            email: change.email ?? null,
            is_site_admin: 0,
            created_at: now,
            last_seen_at: null,
          };
          await insertUser(trx, target);
        } else if (change.name !== undefined || change.email !== undefined) {
          await updateUser(trx, target.id, {
            ...(change.name !== undefined && { name: change.name }),
            ...(change.email !== undefined && { email: change.email }),
          });
        }
        if (target.is_site_admin === 1) return;
        if (change.portalAccess && !before?.hasPortalAccess) {
          await insertPortalGrant(trx, { userId: target.id, grantedByUserId: actor.id, grantedAt: now });
        } else if (!change.portalAccess && before?.hasPortalAccess) {
          await deletePortalGrant(trx, target.id);
        } else {
          return;
        }
        await recordAudit(trx, {
          customerId,
          actor: actor.subject,
          action: change.portalAccess ? 'access.granted' : 'access.revoked',
          target: subject,
          before: { hasPortalAccess: before?.hasPortalAccess ?? false },
          after: { hasPortalAccess: change.portalAccess },
          at: now,
        });
      });
      return c.json((await findAccessUser(deps.db, customerId, subject))!);
    })
    .delete('/users/:sub', async (c) => {
      const { customerId, user: actor } = c.get('principal');
      const subject = parseOrThrow(Subject, c.req.param('sub'), 'path');
      await inTransaction(deps.db, async (trx) => {
        const target = await findAccessUser(trx, customerId, subject);
        if (!target) throw notFound('No user with this id in your account.');
        if (target.isSiteAdmin) throw siteAdminRefusal('remove them');
        await deleteUser(trx, (await findUser(trx, customerId, subject))!.id);
        await recordAudit(trx, {
          customerId,
          actor: actor.subject,
          action: 'access.user-removed',
          target: subject,
          before: target,
          at: deps.clock.now().toISOString(),
        });
      });
      return c.body(null, 204);
    });
}
