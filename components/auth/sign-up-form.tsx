'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { claimDownloadsForSession } from '@/lib/offline/downloads/claim';
import { useState, type FormEvent } from 'react';
import { SIGN_UP_USER_TYPES, signUpSchema } from '@/lib/domain/account';
import { USER_TYPE_LABELS } from '@/lib/domain/enums';
import { signInErrorMessage } from './sign-in-error';
import styles from './auth-form.module.css';

export function SignUpForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = signUpSchema.safeParse(form);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the form');
    setPending(true);
    setError(null);
    const { acceptTerms, artistName, ...rest } = parsed.data;
    const result = await signIn('signup', {
      ...rest,
      artistName: artistName ?? '',
      acceptTerms: String(acceptTerms),
      redirect: false,
    });
    if (!result?.ok) {
      setPending(false);
      return setError(result?.error === 'CredentialsSignin' ? 'The account could not be created.' : signInErrorMessage(result?.error));
    }
    // Shared iPad: another member's downloads go before the console opens (the owner rule).
    await claimDownloadsForSession();
    // `/` sends the new member to their role's home (a producer to My tracks).
    router.replace('/');
    router.refresh();
  }

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <h1 className={styles.title}>Create your account</h1>
      {error && (
        <p role="alert" className="alert alert-error" data-testid="form-error">
          {error}
        </p>
      )}
      <div className={styles.row}>
        <label className="field">
          <span>Full name</span>
          <input className="input" name="fullName" autoComplete="name" required />
        </label>
        <label className="field">
          <span>Artist name (optional)</span>
          <input className="input" name="artistName" autoComplete="nickname" />
        </label>
      </div>
      <label className="field">
        <span>Email</span>
        <input className="input" name="email" type="email" autoComplete="email" required />
      </label>
      <label className="field">
        <span>Password (8 characters or more)</span>
        <input className="input" name="password" type="password" autoComplete="new-password" minLength={8} required />
      </label>
      <fieldset className={styles.types}>
        <legend>I am a…</legend>
        {SIGN_UP_USER_TYPES.map((type, index) => (
          <label key={type} className={styles.type}>
            <input type="radio" name="userType" value={type} defaultChecked={index === 0} />
            {USER_TYPE_LABELS[type]}
          </label>
        ))}
      </fieldset>
      <label className={styles.terms}>
        <input type="checkbox" name="acceptTerms" value="true" required />
        <span>I accept the SPYNNERS terms of use and confirm promo tracks stay private.</span>
      </label>
      <button className="button button-primary" type="submit" disabled={pending}>
        {pending ? 'Creating your account…' : 'Create account'}
      </button>
      <p className={styles.footer}>
        Already a member? <Link href="/sign-in">Sign in</Link>
      </p>
    </form>
  );
}
