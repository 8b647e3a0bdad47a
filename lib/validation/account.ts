import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "./limits";
import { text } from "./fields";

export const emailSchema = text("Enter your email address.")
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

const displayNameSchema = text("Enter the name your partner knows you by.")
  .trim()
  .min(1, "Enter the name your partner knows you by.")
  .max(60, "Keep your name under 60 characters.");

export const newPasswordSchema = text("Choose a password.")
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

/** A secret from an emailed link (base64url, 43 characters); anything else is simply not a valid link. */
const linkSecretSchema = text("This link is not valid.").trim().min(1).max(200);

/** Step one of signing up: who, and where to send the link. The password is chosen from the link. */
export const signUpSchema = z.object({ displayName: displayNameSchema, email: emailSchema });

export const completeSignUpSchema = z.object({ token: linkSecretSchema, displayName: displayNameSchema, password: newPasswordSchema });

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z.object({ token: linkSecretSchema, password: newPasswordSchema });

export const verifyEmailSchema = z.object({ token: linkSecretSchema });

/** A whole account, as the demo seed and a completed sign-up make it. */
export type NewAccountInput = { displayName: string; email: string; password: string };

export const signInSchema = z.object({
  email: emailSchema,
  password: text("Enter your password.").min(1, "Enter your password.").max(PASSWORD_MAX),
});

export const changePasswordSchema = z
  .object({
    currentPassword: text("Enter your current password.").min(1, "Enter your current password.").max(PASSWORD_MAX),
    newPassword: newPasswordSchema,
    repeatPassword: text("Type the new password again.").max(PASSWORD_MAX),
  })
  .refine((input) => input.newPassword === input.repeatPassword, {
    message: "The two new passwords differ. Type the same one twice.",
    path: ["repeatPassword"],
  });

export type ChangePasswordInput = z.output<typeof changePasswordSchema>;
