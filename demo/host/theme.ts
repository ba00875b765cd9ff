/** The product's own look, or a partner's white-labelled one: only custom properties differ (public/shell.css). */
export const themes = ['acme', 'partner'] as const;
export type Theme = (typeof themes)[number];

export const themeCookie = 'acme_theme';

export const isTheme = (value: unknown): value is Theme => themes.includes(value as Theme);
