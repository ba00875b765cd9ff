import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport } from 'nodemailer';
import type { Clock } from '../clock.ts';
import { newId } from '../ids.ts';
import type { PortalDb } from '../store/database.ts';
import { insertOutboxMessage } from '../store/outbox.ts';
import type { Mailer } from './mailer.ts';
import { toNodemailerMessage } from './nodemailer-message.ts';

/**
 * The embedded default when no SMTP server is configured: each message is kept in the `outbox`
 * table and written to `folder` as an RFC 5322 `.eml` file any mail client opens.
 */
export function outboxMailer(options: { db: PortalDb; clock: Clock; folder: string; from: string }): Mailer {
  const composer = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(message) {
      const now = options.clock.now();
      const { message: eml } = await composer.sendMail(toNodemailerMessage(message, options.from, now));
      const id = newId('msg');
      const emlPath = resolve(join(options.folder, `${id}.eml`));
      await mkdir(options.folder, { recursive: true });
      await writeFile(emlPath, eml);
      try {
        await insertOutboxMessage(options.db, {
          id,
          customer_id: message.customerId ?? null,
          recipients: JSON.stringify(message.to),
          subject: message.subject,
          body_text: message.text,
          eml_path: emlPath,
          created_at: now.toISOString(),
        });
      } catch (error) {
        await rm(emlPath, { force: true });
        throw error;
      }
    },
  };
}
