// One Content-Security-Policy for both shells: the web host sends it as a header, the renderer's
// index.html carries it as a <meta> tag (injected at build time from this constant), which is what
// protects the Electron window loaded from a file. 'wasm-unsafe-eval' is for the bundled zxing-wasm
// QR decoder; nothing else may evaluate code, and nothing may load from outside the app.
export const contentSecurityPolicyDirectives = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' blob: mediastream:",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
];

/** For the <meta> tag: frame-ancestors is ignored there, so it is only in the header. */
export const contentSecurityPolicyMeta = contentSecurityPolicyDirectives.join('; ');

export const contentSecurityPolicyHeader = [
  ...contentSecurityPolicyDirectives,
  "frame-ancestors 'none'",
].join('; ');
