import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';

export interface OutboxMessage {
  fileName: string;
  sentAt: Date;
  to: string;
  subject: string;
  text: string;
  attachments: string[];
}

const shownAtMost = 200;

/**
 * The messages the portal's embedded outbox wrote as `.eml` files (PORTAL_OUTBOX_DIR), newest
 * first: the demo's stand-in for the mailboxes they were addressed to.
 */
export async function readOutbox(folder: string): Promise<OutboxMessage[]> {
  const fileNames = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const messages = await Promise.all(
    fileNames
      .filter((fileName) => fileName.endsWith('.eml'))
      .map(async (fileName): Promise<OutboxMessage> => {
        const path = join(folder, fileName);
        const [mail, { mtime }] = await Promise.all([readFile(path).then((eml) => simpleParser(eml)), stat(path)]);
        const to = Array.isArray(mail.to) ? mail.to.map((address) => address.text).join(', ') : (mail.to?.text ?? '');
        return {
          fileName,
          // The file's time, to the millisecond: the Date header has whole seconds only.
          sentAt: mtime,
          to,
          subject: mail.subject ?? '(no subject)',
          text: mail.text ?? '',
          attachments: mail.attachments.map((attachment) => attachment.filename ?? attachment.contentType),
        };
      }),
  );
  return messages.sort((a, b) => b.sentAt.getTime() - a.sentAt.getTime()).slice(0, shownAtMost);
}
