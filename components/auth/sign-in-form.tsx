'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { claimDownloadsForSession } from '@/lib/offline/downloads/claim';
import { useState, type FormEvent } from 'react';
import { signInSchema } from '@/lib/domain/account';
import { signInErrorMessage } from './sign-in-error';
import styles from './auth-form.module.css';

export function SignInForm({ callbackPath }: { callbackPath: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = signInSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the form');
    setPending(true);
    setError(null);
    const result = await signIn('credentials', { ...parsed.data, redirect: false });
    if (!result?.ok) {
      setPending(false);
      return setError(signInErrorMessage(result?.error));
    }
    // Shared iPad: another member's downloads go before the console opens (the owner rule).
    await claimDownloadsForSession();
    router.replace(callbackPath);
    router.refresh();
  }

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <h1 className={styles.title}>Sign in</h1>
      {error && (
        <p role="alert" className="alert alert-error" data-testid="form-error">
          {error}
        </p>
      )}
      <label className="field">
        <span>Email</span>
        <input className="input" name="email" type="email" autoComplete="email" required />
      </label>
      <label className="field">
        <span>Password</span>
        <input className="input" name="password" type="password" autoComplete="current-password" required />
      </label>
      <button className="button button-primary" type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
      <p className={styles.footer}>
        New to SPYNNERS? <Link href="/sign-up">Create an account</Link>
      </p>
    </form>
  );
}
