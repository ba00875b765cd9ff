import type { Context } from 'hono';
import { attachmentDisposition } from '../documents/file-names.ts';

/** Answers a made document as a download named `fileName`. */
export const fileResponse = (c: Context, body: Buffer, contentType: string, fileName: string) =>
  c.body(new Uint8Array(body), 200, {
    'Content-Type': contentType,
    'Content-Disposition': attachmentDisposition(fileName),
  });
