'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { SIGN_UP_USER_TYPES } from '@/lib/domain/account';
import { GENRES, USER_TYPE_LABELS, type Genre, type UserType } from '@/lib/domain/enums';
import { profilePatchSchema, type ProfilePatch } from '@/lib/domain/profile';
import type { User } from '@/lib/domain/types';
import { updateProfileMutationOptions } from '@/lib/query/profile';
import styles from './profile.module.css';

type TextField = 'fullName' | 'artistName' | 'bio' | 'nationality' | 'instagramUrl' | 'soundcloudUrl' | 'beatportUrl';

const TEXT_FIELDS: Array<{ name: TextField; label: string; type?: string; autoComplete?: string; placeholder?: string }> = [
  { name: 'fullName', label: 'Name', autoComplete: 'name' },
  { name: 'artistName', label: 'Artist name', autoComplete: 'nickname' },
  { name: 'nationality', label: 'Nationality' },
];
const LINK_FIELDS: typeof TEXT_FIELDS = [
  { name: 'instagramUrl', label: 'Instagram', type: 'url', placeholder: 'https://instagram.com/…' },
  { name: 'soundcloudUrl', label: 'SoundCloud', type: 'url', placeholder: 'https://soundcloud.com/…' },
  { name: 'beatportUrl', label: 'Beatport', type: 'url', placeholder: 'https://www.beatport.com/…' },
];

function sameValue(formValue: unknown, saved: unknown): boolean {
  if (Array.isArray(formValue)) return Array.isArray(saved) && [...formValue].sort().join('|') === [...saved].sort().join('|');
  return String(formValue ?? '').trim() === String(saved ?? '').trim();
}

/**
 * The profile form, validated in the browser with the schema the route parses (profilePatchSchema).
 * A refused field is outlined in red with its reason beside it, and focus goes to the first one.
 * (The photo has its own editor: components/profile/avatar-editor.tsx.)
 */
export function ProfileForm({ user }: { user: User }) {
  const queryClient = useQueryClient();
  const save = useMutation(updateProfileMutationOptions(queryClient));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  // Bumped on every refused submit, so that focus moves again even when the errors are the same.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);
  const userTypes: readonly UserType[] = SIGN_UP_USER_TYPES.includes(user.userType as never) ? SIGN_UP_USER_TYPES : [user.userType, ...SIGN_UP_USER_TYPES];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const raw: Record<string, unknown> = Object.fromEntries(
      [...TEXT_FIELDS, ...LINK_FIELDS, { name: 'bio' }].map(({ name }) => [name, String(data.get(name) ?? '')]),
    );
    raw.userType = data.get('userType');
    raw.preferredGenres = data.getAll('preferredGenres');
    // Only what changed is sent: untouched fields (e.g. a legacy link today's schema would refuse)
    // are neither re-validated nor rewritten.
    const changed = Object.fromEntries(Object.entries(raw).filter(([name, value]) => !sameValue(value, user[name as keyof User])));
    if (Object.keys(changed).length === 0) {
      setErrors({});
      return;
    }
    const parsed = profilePatchSchema.safeParse(changed);
    if (!parsed.success) {
      // The first reason per field, in the schema's order (the form's order).
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[String(issue.path[0] ?? 'form')] ??= issue.message;
      setErrors(found);
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    save.mutate(parsed.data satisfies ProfilePatch);
  }

  // The reason sits beside its field but outside its <label>: it describes the field
  // (aria-describedby) rather than becoming part of the field's name.
  const field = (f: (typeof TEXT_FIELDS)[number]) => (
    <div className="field" key={f.name}>
      <label className="field">
        <span>{f.label}</span>
        <input
          className="input" name={f.name} type={f.type ?? 'text'} autoComplete={f.autoComplete ?? 'off'} placeholder={f.placeholder}
          defaultValue={user[f.name] ?? ''} aria-invalid={errors[f.name] ? true : undefined}
          aria-describedby={errors[f.name] ? `${f.name}-error` : undefined}
        />
      </label>
      {errors[f.name] && <span id={`${f.name}-error`} className="field-error">{errors[f.name]}</span>}
    </div>
  );

  return (
    <form ref={formRef} className={styles.form} onSubmit={submit} noValidate aria-label="Profile">
      <div className={styles.row}>{TEXT_FIELDS.map(field)}</div>
      <label className="field">
        <span>Profile type</span>
        <select className="select" name="userType" defaultValue={user.userType}>
          {userTypes.map((type) => <option key={type} value={type}>{USER_TYPE_LABELS[type]}</option>)}
        </select>
      </label>
      <div className="field">
        <label className="field">
          <span>Bio</span>
          <textarea
            className="textarea" name="bio" rows={5} maxLength={2000} defaultValue={user.bio ?? ''}
            aria-invalid={errors.bio ? true : undefined} aria-describedby={errors.bio ? 'bio-error' : undefined}
          />
        </label>
        {errors.bio && <span id="bio-error" className="field-error">{errors.bio}</span>}
      </div>
      <fieldset className={styles.fieldset}>
        <legend>Links</legend>
        <div className={styles.row}>{LINK_FIELDS.map(field)}</div>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>Preferred genres</legend>
        <div className={styles.genres}>
          {GENRES.map((genre: Genre) => (
            <label key={genre} className={styles.genre}>
              <input type="checkbox" name="preferredGenres" value={genre} defaultChecked={user.preferredGenres.includes(genre)} />
              {genre}
            </label>
          ))}
        </div>
      </fieldset>
      <div className={styles.actions}>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save profile'}
        </button>
        <span role="status" aria-live="polite" className={save.isError || Object.keys(errors).length ? 'field-error' : 'muted'} data-testid="profile-status">
          {save.isError
            ? `Not saved: ${save.error.message}`
            : Object.keys(errors).length
              ? `Not saved: ${Object.keys(errors).length === 1 ? '1 field needs' : `${Object.keys(errors).length} fields need`} a change (outlined in red)`
              : save.isSuccess && !save.isPending ? 'Saved' : ''}
        </span>
      </div>
    </form>
  );
}
