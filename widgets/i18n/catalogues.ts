import { en, type Messages } from './messages-en.ts';

/** Catalogues other than English load when first needed, so an English page never downloads them. */
const loaders: Record<string, () => Promise<Messages>> = {
  de: () => import('./messages-de.ts').then((module) => module.de),
};
const loaded = new Map<string, Messages>([['en', en]]);
const loading = new Map<string, Promise<void>>();

const languageOf = (locale: string) => locale.split('-')[0]!.toLowerCase();

/**
 * The catalogue for a locale's language with a partner's overrides on top: English when the language
 * has no catalogue, or while its catalogue is still loading (see loadCatalogue).
 */
export function messagesFor(locale: string, overrides: Partial<Messages> = {}): Messages {
  return { ...(loaded.get(languageOf(locale)) ?? en), ...overrides };
}

/**
 * Loads the shipped catalogue for a locale. Resolves once messagesFor can answer in that language;
 * undefined when there is nothing to load (English, a language without a catalogue, or loaded already).
 * Hosts may await it before showing the elements to avoid a moment of English.
 */
export function loadCatalogue(locale: string): Promise<void> | undefined {
  const language = languageOf(locale);
  const loader = loaders[language];
  if (loaded.has(language) || !loader) return undefined;
  let pending = loading.get(language);
  if (!pending) {
    pending = loader().then((messages) => void loaded.set(language, messages));
    loading.set(language, pending);
  }
  return pending;
}
