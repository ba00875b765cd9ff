import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import type { MailMessage } from '../../../server/mail/mailer.ts';
import { outboxMailer } from '../../../server/mail/outbox-mailer.ts';
import { smtpMailer } from '../../../server/mail/smtp-mailer.ts';
import { closedSmtpUrl, type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';
import { FakeClock } from '../support/test-app.ts';
import { openTestDatabase } from '../support/test-database.ts';

const folder = mkdtempSync(join(tmpdir(), 'portal-mailers-'));
const sinks: SmtpSink[] = [];
after(async () => {
  await Promise.all(sinks.map((sink) => sink.close()));
  rmSync(folder, { recursive: true, force: true });
});

const invoicePdf = Buffer.from('%PDF-1.7 not really a PDF');
const message: MailMessage = {
  to: ['ada@acme.test', 'billing@acme.test'],
  subject: 'Your invoice INV-000042',
  text: 'Your invoice is attached.',
  html: '<p>Your invoice is <strong>attached</strong>.</p>',
  attachments: [{ filename: 'INV-000042.pdf', content: invoicePdf, contentType: 'application/pdf' }],
};
const from = 'Vendor Billing <billing@vendor.test>';

describe('the outbox mailer', () => {
  it('keeps a message as a row and as an .eml file that parses back whole, attachment included', async () => {
    const db = await openTestDatabase();
    const clock = new FakeClock();
    clock.set('2026-11-27T12:00:00.000Z');
    await outboxMailer({ db, clock, folder: join(folder, 'outbox'), from }).send(message);
    const rows = await db.selectFrom('outbox').selectAll().execute();
    assert.equal(rows.length, 1);
    const row = rows[0]!;
    assert.deepEqual(
      [row.customer_id, JSON.parse(row.recipients), row.subject, row.body_text, row.created_at],
      [null, message.to, message.subject, message.text, '2026-11-27T12:00:00.000Z'],
    );
    const eml = readFileSync(row.eml_path!);
    assert.match(eml.toString('latin1'), /^[^\n]*\r\n/, 'lines end in CRLF, as RFC 5322 asks');
    const mail = await simpleParser(eml);
    assert.equal(mail.from?.text, '"Vendor Billing" <billing@vendor.test>');
    assert.equal(mail.subject, message.subject);
    assert.equal(mail.html, message.html);
    assert.equal(mail.date?.toISOString(), '2026-11-27T12:00:00.000Z');
    assert.deepEqual(
      mail.attachments.map((attachment) => [attachment.filename, attachment.contentType, attachment.content.equals(invoicePdf)]),
      [['INV-000042.pdf', 'application/pdf', true]],
    );
    await db.destroy();
  });
});

describe('the SMTP mailer', () => {
  it('delivers to every recipient with the configured From and the attachment', async () => {
    const sink = await startSmtpSink();
    sinks.push(sink);
    await smtpMailer({ url: sink.url, from, clock: new FakeClock() }).send(message);
    assert.equal(sink.received.length, 1);
    const { envelopeTo, mail } = sink.received[0]!;
    assert.deepEqual(envelopeTo, message.to);
    assert.equal(mail.from?.text, '"Vendor Billing" <billing@vendor.test>');
    assert.equal(mail.text?.trim(), message.text);
    assert.deepEqual(mail.attachments.map((attachment) => attachment.filename), ['INV-000042.pdf']);
  });

  it('rejects when the server refuses the message', async () => {
    const sink = await startSmtpSink({ refuseMessages: true });
    sinks.push(sink);
    await assert.rejects(smtpMailer({ url: sink.url, from, clock: new FakeClock() }).send(message), /550/);
  });

  it('rejects when nothing listens at the address', async () => {
    await assert.rejects(smtpMailer({ url: await closedSmtpUrl(), from, clock: new FakeClock() }).send(message), /ECONNREFUSED/);
  });
});
