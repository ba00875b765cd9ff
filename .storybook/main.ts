import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    // The web-components renderer imports lit/directive-helpers.js, which the dev server would
    // otherwise serve unbundled with a second copy of lit-html ("Multiple versions of Lit loaded").
    optimizeDeps: { ...viteConfig.optimizeDeps, include: [...(viteConfig.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'] },
    // Storybook's own docs renderer (React and MDX) is a 1 MB chunk; Vite's warning about it is not ours to act on.
    build: { ...viteConfig.build, chunkSizeWarningLimit: 1500 },
  }),
};

export default config;
