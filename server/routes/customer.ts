import { Hono } from 'hono';
import { CustomerPatch } from '../../contract/customer.ts';
import type { Clock } from '../clock.ts';
import { notFound, ProblemError } from '../errors.ts';
import type { PortalEnv } from '../http/env.ts';
import { jsonBody } from '../http/validate.ts';
import { recordAudit } from '../store/audit.ts';
import {
  addressColumns,
  findCustomerRecord,
  replaceContacts,
  toCustomer,
  updateCustomerIfVersion,
} from '../store/customers.ts';
import type { PortalDb } from '../store/database.ts';
import { inTransaction } from '../store/in-transaction.ts';

const etagOf = (version: number) => `"${version}"`;

/** The version an If-Match header names; `*` means "whatever is current". */
function expectedVersion(ifMatch: string | undefined, current: number): number {
  if (!ifMatch) {
    throw new ProblemError(428, 'precondition-required', {
      detail: 'Send the ETag from GET /v1/customer as If-Match, so a change made by someone else is not overwritten.',
    });
  }
  if (ifMatch.trim() === '*') return current;
  const match = /^"(\d{1,15})"$/.exec(ifMatch.trim());
  return match ? Number(match[1]) : -1;
}

const conflict = () =>
  new ProblemError(412, 'precondition-failed', {
    detail: 'Someone else saved the customer information after you opened it. Reload to see their change, then apply yours.',
  });

export function customerRoutes(deps: { db: PortalDb; clock: Clock }) {
  return new Hono<PortalEnv>()
    .get('/', async (c) => {
      const record = await findCustomerRecord(deps.db, c.get('principal').customerId);
      if (!record) throw notFound();
      c.header('ETag', etagOf(record.row.version));
      return c.json(toCustomer(record));
    })
    .patch('/', async (c) => {
      const { customerId, user } = c.get('principal');
      const patch = await jsonBody(c, CustomerPatch);
      const now = deps.clock.now().toISOString();
      const saved = await inTransaction(deps.db, async (trx) => {
        const before = await findCustomerRecord(trx, customerId);
        if (!before) throw notFound();
        const version = expectedVersion(c.req.header('If-Match'), before.row.version);
        const beforeApi = toCustomer(before);
        const updated = await updateCustomerIfVersion(trx, customerId, version, {
          ...(patch.companyName !== undefined && { company_name: patch.companyName }),
          ...(patch.address !== undefined && addressColumns(patch.address)),
          updated_at: now,
        });
        if (!updated) throw conflict();
        if (patch.billingContact !== undefined || patch.contacts !== undefined) {
          await replaceContacts(
            trx,
            customerId,
            patch.billingContact === undefined ? beforeApi.billingContact : patch.billingContact,
            patch.contacts ?? beforeApi.contacts,
          );
        }
        const after = (await findCustomerRecord(trx, customerId))!;
        await recordAudit(trx, {
          customerId,
          actor: user.subject,
          action: 'customer.updated',
          target: customerId,
          before: beforeApi,
          after: toCustomer(after),
          at: now,
        });
        return after;
      });
      c.header('ETag', etagOf(saved.row.version));
      return c.json(toCustomer(saved));
    });
}
