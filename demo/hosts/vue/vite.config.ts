import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [
    vue({
      // <portal-*> are custom elements, not Vue components.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('portal-') } },
    }),
  ],
  // Inside this repository the package resolves to its sources; an installed one resolves to dist/.
  resolve: { conditions: ['@customer-portal/source', ...defaultClientConditions] },
  build: { emptyOutDir: true },
  logLevel: 'warn',
});
