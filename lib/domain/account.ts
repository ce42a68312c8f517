import { z } from 'zod';
import { lineText } from './text';

/** Profile types offered at sign-up (listener accounts come from the legacy app only). */
export const SIGN_UP_USER_TYPES = ['dj', 'producer', 'dj_producer', 'label'] as const;

export const signInSchema = z.object({
  email: z.email('Enter a valid email address').trim().toLowerCase(),
  password: z.string().min(1, 'Enter your password').max(200),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const signUpSchema = z.object({
  email: z.email('Enter a valid email address').trim().toLowerCase(),
  password: z
    .string()
    .min(8, 'Use at least 8 characters')
    .max(200, 'Use at most 200 characters'),
  fullName: lineText().trim().min(1, 'Enter your name').max(100),
  artistName: lineText()
    .trim()
    .max(100)
    .optional()
    .transform((v) => (v ? v : undefined)),
  userType: z.enum(SIGN_UP_USER_TYPES, 'Choose a profile type'),
  acceptTerms: z
    .union([z.literal(true), z.literal('true'), z.literal('on')], {
      error: 'You must accept the terms to create an account',
    })
    .transform(() => true as const),
});
export type SignUpInput = z.infer<typeof signUpSchema>;
