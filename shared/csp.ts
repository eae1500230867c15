/**
 * The Content-Security-Policy for the app page, sent by the Electron protocol handler and by the test
 * host alike. Scripts only from the app's own origin; inline styles are allowed because Mantine sets
 * CSS variables through style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
