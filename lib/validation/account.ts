import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "./limits";
import { text } from "./fields";

export const emailSchema = text("Enter your email address.")
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

export const signUpSchema = z.object({
  displayName: text("Enter the name your partner knows you by.")
    .trim()
    .min(1, "Enter the name your partner knows you by.")
    .max(60, "Keep your name under 60 characters."),
  email: emailSchema,
  password: text("Choose a password.")
    .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
    .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
});

export type SignUpInput = z.output<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: text("Enter your password.").min(1, "Enter your password.").max(PASSWORD_MAX),
});
