import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicyMeta } from './main/host/content-security-policy.ts';

// The renderer build. The CSP <meta> comes from the same constant the web host sends as a header,
// so the Electron window (loaded from a file, no headers) gets exactly the same policy.
function contentSecurityPolicy(): Plugin {
  return {
    name: 'bhxh-content-security-policy',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicyMeta}" />`,
      ),
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2048,
  },
  logLevel: 'warn',
});
