import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "./limits";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

export const signUpSchema = z.object({
  displayName: z
    .string({ error: "Enter the name your partner knows you by." })
    .trim()
    .min(1, "Enter the name your partner knows you by.")
    .max(60, "Keep your name under 60 characters."),
  email: emailSchema,
  password: z
    .string({ error: "Choose a password." })
    .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
    .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
});

export type SignUpInput = z.output<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX),
});

export const newPasswordSchema = z
  .string({ error: "Choose a new password." })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(PASSWORD_MAX),
    newPassword: newPasswordSchema,
    repeatPassword: z.string({ error: "Type the new password again." }).max(PASSWORD_MAX),
  })
  .refine((input) => input.newPassword === input.repeatPassword, {
    message: "The two new passwords differ. Type the same one twice.",
    path: ["repeatPassword"],
  });

export type ChangePasswordInput = z.output<typeof changePasswordSchema>;
