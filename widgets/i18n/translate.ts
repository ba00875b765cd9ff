import type { MessageKey, Messages } from './messages-en.ts';

export type MessageParams = Record<string, string | number>;

/** The message for `key` with `{name}` placeholders filled in. */
export function translate(messages: Messages, key: MessageKey, params?: MessageParams): string {
  const template = messages[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in params ? String(params[name]) : placeholder));
}
