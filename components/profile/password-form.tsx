'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiFetch, ApiClientError } from '@/lib/api/client';
import { passwordChangeSchema } from '@/lib/domain/console-session';
import { SESSIONS_KEY } from './signed-in-devices';
import styles from './profile.module.css';

/** Change password: the current one is required; every other device is signed out, this one stays. */
export function PasswordForm() {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = Object.fromEntries(new FormData(form));
    setDone(null);
    const parsed = passwordChangeSchema.safeParse({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the form');
    if (values.newPassword !== values.confirmPassword) return setError('The two new passwords differ.');
    setPending(true);
    setError(null);
    try {
      const { endedSessions } = await apiFetch<{ endedSessions: number }>('/api/me/password', { method: 'POST', json: parsed.data });
      form.reset();
      setDone(
        endedSessions === 0
          ? 'Password changed.'
          : `Password changed. ${endedSessions === 1 ? '1 other device was' : `${endedSessions} other devices were`} signed out.`,
      );
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    } catch (failure) {
      setError(failure instanceof ApiClientError || failure instanceof Error ? failure.message : 'Could not change the password.');
    } finally {
      setPending(false);
    }
  }

  return (
    <section className={styles.card} aria-labelledby="password-title">
      <h2 id="password-title">Change password</h2>
      <form className={styles.form} onSubmit={submit} noValidate aria-label="Change password">
        {error && (
          <p role="alert" className="alert alert-error" data-testid="password-error">
            {error}
          </p>
        )}
        {done && (
          <p role="status" className="alert alert-info" data-testid="password-done">
            {done}
          </p>
        )}
        <label className="field">
          <span>Current password</span>
          <input className="input" name="currentPassword" type="password" autoComplete="current-password" required />
        </label>
        <div className={styles.row}>
          <label className="field">
            <span>New password</span>
            <input className="input" name="newPassword" type="password" autoComplete="new-password" minLength={8} required />
          </label>
          <label className="field">
            <span>New password again</span>
            <input className="input" name="confirmPassword" type="password" autoComplete="new-password" minLength={8} required />
          </label>
        </div>
        <div className={styles.actions}>
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? 'Changing…' : 'Change password'}
          </button>
          <span className="muted">Your other devices will be signed out.</span>
        </div>
      </form>
    </section>
  );
}
