import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import type * as z from 'zod';
import { AccessUserList } from '../../contract/access.ts';
import { Customer } from '../../contract/customer.ts';
import { DocumentSent } from '../../contract/document-delivery.ts';
import { InvoiceDetail, InvoiceList } from '../../contract/invoice.ts';
import { Me } from '../../contract/me.ts';
import { Payment } from '../../contract/payment.ts';
import { PaymentMethodList } from '../../contract/payment-method.ts';
import { Problem, problemKinds, problemType } from '../../contract/problem.ts';
import { Standing } from '../../contract/standing.ts';
import { SubscriptionRequestList } from '../../contract/subscription-request.ts';
import { SubscriptionList } from '../../contract/subscription.ts';
import { SupportContact } from '../../contract/support-contact.ts';
import { TransactionList } from '../../contract/transaction.ts';

// Each fixture file holds answers of one kind, named after the contract schema they must satisfy.
const schemaByFile: Record<string, z.ZodType> = {
  'access-user-list.ts': AccessUserList,
  'customer.ts': Customer,
  'document-sent.ts': DocumentSent,
  'invoice-detail.ts': InvoiceDetail,
  'invoice-list.ts': InvoiceList,
  'me.ts': Me,
  'payment.ts': Payment,
  'payment-method-list.ts': PaymentMethodList,
  'problem.ts': Problem,
  'standing.ts': Standing,
  'subscription-list.ts': SubscriptionList,
  'subscription-request-list.ts': SubscriptionRequestList,
  'support-contact.ts': SupportContact,
  'transaction-list.ts': TransactionList,
};

const fixturesFolder = new URL('../../stories/fixtures/', import.meta.url);
const fixtureFiles = readdirSync(fixturesFolder).filter((file) => file.endsWith('.ts'));

test('every fixture file names the contract schema its fixtures must satisfy', () => {
  assert.deepEqual(
    fixtureFiles.filter((file) => !(file in schemaByFile)),
    [],
    'add the schema for these files to schemaByFile',
  );
});

for (const file of fixtureFiles) {
  test(`every fixture in stories/fixtures/${file} parses with its contract schema`, async () => {
    const schema = schemaByFile[file];
    assert.ok(schema, `no schema for ${file}`);
    const fixtures = Object.entries(await import(new URL(file, fixturesFolder).href));
    assert.ok(fixtures.length > 0, `${file} exports no fixtures`);
    for (const [name, fixture] of fixtures) {
      const result = schema.safeParse(fixture);
      assert.ok(result.success, `${name}: ${result.error?.message}`);
    }
  });
}

test('every problem fixture is of a kind the portal server answers, with a matching status', async () => {
  const problems = await import('../../stories/fixtures/problem.ts');
  const statusByKind: Partial<Record<(typeof problemKinds)[number], number>> = {
    forbidden: 403,
    validation: 422,
    'precondition-failed': 412,
    conflict: 409,
    'service-unavailable': 503,
    'not-found': 404,
    'rate-limited': 429,
  };
  for (const [name, problem] of Object.entries(problems) as [string, Problem][]) {
    const kind = problemKinds.find((candidate) => problemType(candidate) === problem.type);
    assert.ok(kind, `${name}: ${problem.type} is not a problem type of the contract`);
    assert.equal(problem.status, statusByKind[kind], `${name}: status`);
  }
});
