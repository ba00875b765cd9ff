import { Hono } from 'hono';
import { CustomerCreate } from '../../../contract/admin.ts';
import { InvoiceCreate } from '../../../contract/invoice.ts';
import { SubscriptionCreate } from '../../../contract/subscription.ts';
import { calendarDate, type Clock } from '../../clock.ts';
import { notFound, ProblemError } from '../../errors.ts';
import type { PortalEnv } from '../../http/env.ts';
import { jsonBody } from '../../http/validate.ts';
import { newCustomerKey, newId } from '../../ids.ts';
import { type StandingDeps, loadAccountStanding } from '../../services/account-standing.ts';
import { recordAudit } from '../../store/audit.ts';
import {
  addressColumns,
  findCustomer,
  findCustomerRecord,
  insertCustomer,
  replaceContacts,
  toCustomer,
} from '../../store/customers.ts';
import type { PortalDb } from '../../store/database.ts';
import { inTransaction } from '../../store/in-transaction.ts';
import { findInvoice, insertInvoice, invoiceNumberTaken } from '../../store/invoices.ts';
import { insertSubscription, listSubscriptions, toSubscription } from '../../store/subscriptions.ts';
import { insertPortalGrant, insertUser } from '../../store/users.ts';

const adminActor = 'admin-api';

export function adminCustomerRoutes(deps: StandingDeps & { db: PortalDb; clock: Clock }) {
  const customerOr404 = async (id: string) => {
    const customer = await findCustomer(deps.db, id);
    if (!customer) throw notFound('No customer account with this id.');
    return customer;
  };

  return new Hono<PortalEnv>()
    .post('/', async (c) => {
      const body = await jsonBody(c, CustomerCreate);
      const now = deps.clock.now().toISOString();
      await inTransaction(deps.db, async (trx) => {
        if (await findCustomer(trx, body.id)) {
          throw new ProblemError(409, 'conflict', { detail: `A customer account with id "${body.id}" already exists.` });
        }
        await insertCustomer(trx, {
          id: body.id,
          customer_key: newCustomerKey(),
          company_name: body.companyName,
          ...addressColumns(body.address ?? null),
          currency: body.currency,
          locale: body.locale,
          created_at: now,
          updated_at: now,
        });
        await replaceContacts(trx, body.id, body.billingContact ?? null, []);
        const siteAdminId = newId('usr');
        await insertUser(trx, {
          id: siteAdminId,
          customer_id: body.id,
          subject: body.siteAdmin.sub,
          name: body.siteAdmin.name,
          email: body.siteAdmin.email,
          is_site_admin: 1,
          created_at: now,
          last_seen_at: null,
        });
        await insertPortalGrant(trx, { userId: siteAdminId, grantedByUserId: null, grantedAt: now });
        await recordAudit(trx, { customerId: body.id, actor: adminActor, action: 'customer.provisioned', after: body, at: now });
      });
      const customer = toCustomer((await findCustomerRecord(deps.db, body.id))!);
      return c.json({ ...customer, siteAdmin: body.siteAdmin }, 201);
    })
    .post('/:id/subscriptions', async (c) => {
      const customer = await customerOr404(c.req.param('id'));
      const body = await jsonBody(c, SubscriptionCreate);
      const now = deps.clock.now();
      const id = await insertSubscription(deps.db, customer.id, customer.currency, body, now.toISOString());
      await recordAudit(deps.db, {
        customerId: customer.id,
        actor: adminActor,
        action: 'subscription.added',
        target: id,
        after: body,
        at: now.toISOString(),
      });
      const [record] = await listSubscriptions(deps.db, customer.id, id);
      return c.json(toSubscription(record!, calendarDate(now)), 201);
    })
    .post('/:id/invoices', async (c) => {
      const customer = await customerOr404(c.req.param('id'));
      const body = await jsonBody(c, InvoiceCreate);
      const now = deps.clock.now().toISOString();
      // Checked in the insert's transaction, so two calls with one number at once get one 409, not a 500.
      const id = await inTransaction(deps.db, async (trx) => {
        if (body.number && (await invoiceNumberTaken(trx, body.number))) {
          throw new ProblemError(409, 'conflict', {
            detail: `Invoice number ${body.number} is already used.`,
            errors: [{ path: 'number', message: 'This invoice number is already used.' }],
          });
        }
        return insertInvoice(trx, customer.id, customer.currency, body, now);
      });
      const invoice = (await findInvoice(deps.db, customer.id, id))!;
      await recordAudit(deps.db, {
        customerId: customer.id,
        actor: adminActor,
        action: 'invoice.issued',
        target: id,
        after: invoice,
        at: now,
      });
      return c.json(invoice, 201);
    })
    .get('/:id/standing', async (c) => {
      return c.json(await loadAccountStanding(deps, await customerOr404(c.req.param('id'))));
    });
}
