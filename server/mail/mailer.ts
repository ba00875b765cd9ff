export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  /** The account the message is about, if any; the outbox files it under that account. */
  customerId?: string;
}

/**
 * Sends mail; resolves once the message is handed over, rejects when it could not be. Never await
 * it inside a database transaction: SMTP may take seconds, and the outbox writes through its own
 * connection, which a SQLite transaction would keep waiting.
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
