/**
 * The links account emails carry, always on the configured app URL (APP_URL or NEXTAUTH_URL),
 * never on the Host header of the request that asked: a forged Host must not send someone's
 * password link to another site.
 */
export function accountLinks(appUrl: string) {
  const at = (path: string) => `${appUrl}${path}`;
  return {
    signUp: (secret: string, callbackPath?: string | null) =>
      at(`/sign-up/confirm/${secret}${callbackPath ? `?callbackUrl=${encodeURIComponent(callbackPath)}` : ""}`),
    verifyEmail: (secret: string) => at(`/verify-email/${secret}`),
    resetPassword: (secret: string) => at(`/reset-password/${secret}`),
    signIn: () => at("/sign-in"),
    forgotPassword: () => at("/forgot-password"),
  };
}

export type AccountLinks = ReturnType<typeof accountLinks>;
