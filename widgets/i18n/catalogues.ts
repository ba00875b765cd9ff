import { de } from './messages-de.ts';
import { en, type Messages } from './messages-en.ts';

const catalogues: Record<string, Messages> = { en, de };

/** The shipped catalogue for a locale's language (English when there is none), with a partner's overrides on top. */
export function messagesFor(locale: string, overrides: Partial<Messages> = {}): Messages {
  const language = locale.split('-')[0]!.toLowerCase();
  return { ...(catalogues[language] ?? en), ...overrides };
}
