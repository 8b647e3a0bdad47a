"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { InputField } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button-class";

type Errors = Partial<Record<"email" | "password", string[]>>;

export function SignInForm({ callbackPath }: { callbackPath: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    setPending(true);
    try {
      // Loaded on submit rather than with the page: sign-in is the page most visits start on,
      // and the checks (the server's own schema) and next-auth's client are most of its weight.
      const [{ signIn }, { z }, { signInSchema }] = await Promise.all([
        import("next-auth/react"),
        import("zod"),
        import("@/lib/validation/account"),
      ]);
      const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
      if (!parsed.success) {
        setErrors(z.flattenError(parsed.error).fieldErrors);
        // Said in the alert as well, so a screen reader hears at once that signing in did not happen.
        setMessage("Some fields need a second look.");
        setPending(false);
        return;
      }
      setErrors({});
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (!result || result.error) {
        setMessage(result?.error && result.error !== "CredentialsSignin" ? result.error : "The email or password is wrong.");
        setPending(false);
        return;
      }
      router.replace(callbackPath);
      router.refresh();
    } catch (error) {
      // Offline, or the server is restarting: say so, and keep what was typed.
      console.error("Sign-in could not be sent:", error);
      setMessage("Signing in is unavailable for a moment. Please try again shortly.");
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <div role="alert" aria-live="assertive">
        {message ? (
          <p className="rounded-lg border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100">
            {message}
          </p>
        ) : null}
      </div>
      <InputField name="email" label="Email" type="email" autoComplete="email" required errors={errors.email} />
      <InputField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        errors={errors.password}
      />
      {/* aria-disabled, not disabled: disabling the focused button would drop the keyboard focus. */}
      <button type="submit" aria-disabled={pending} className={buttonClass("primary")}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
