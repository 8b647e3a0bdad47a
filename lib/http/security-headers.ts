/**
 * The Content-Security-Policy and transport headers every page is sent with (decision 015).
 * Scripts run only with this response's nonce ('strict-dynamic' lets them load the chunks they
 * import); nothing may frame the app, change its base URL, post forms elsewhere or embed plugins.
 */
export function contentSecurityPolicy({ nonce, development, https }: { nonce: string; development: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // React rebuilds server error stacks with eval in development only.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** HSTS only where the app is served over https: on plain http it would be ignored, or break a local setup later. */
export function strictTransportSecurity(appUrl: string | undefined): string | null {
  return isHttps(appUrl) ? "max-age=31536000" : null;
}

export function isHttps(appUrl: string | undefined): boolean {
  return appUrl?.startsWith("https://") ?? false;
}

/** A fresh, unguessable nonce for one response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}
