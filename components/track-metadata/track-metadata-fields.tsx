'use client';
import type { ReactNode } from 'react';
import { CAMELOT_KEYS, ENERGY_LABELS, ENERGY_LEVELS, GENRES } from '@/lib/domain/enums';
import type { DraftField, FieldErrors, TrackDraft } from '@/lib/uploads/draft';
import styles from './track-metadata.module.css';

type TextField = Exclude<DraftField, 'genre' | 'key' | 'energy' | 'isUnreleased' | 'vipRequested' | 'rightsConfirmed' | 'freeDownloadAuthorized'>;

const TEXT: Array<{ name: TextField; label: string; type?: string; inputMode?: 'decimal'; placeholder?: string; wide?: boolean }> = [
  { name: 'title', label: 'Title' },
  { name: 'artist', label: 'Artist / producer name' },
  { name: 'collaborators', label: 'Collaborators', placeholder: 'Featured artists, remixers', wide: true },
  { name: 'labelName', label: 'Label' },
  { name: 'bpm', label: 'BPM', inputMode: 'decimal' },
  { name: 'mood', label: 'Mood', placeholder: 'Dark, euphoric…' },
  { name: 'releaseDate', label: 'Release date', type: 'date' },
  { name: 'isrc', label: 'ISRC', placeholder: 'FR-Z03-25-00001' },
  { name: 'iswc', label: 'ISWC', placeholder: 'T-123.456.789-0' },
];

const FLAGS: Array<{ name: 'isUnreleased' | 'vipRequested' | 'rightsConfirmed' | 'freeDownloadAuthorized'; label: string }> = [
  { name: 'isUnreleased', label: 'Unreleased' },
  { name: 'vipRequested', label: 'Request VIP' },
  { name: 'freeDownloadAuthorized', label: 'Free download authorised' },
  { name: 'rightsConfirmed', label: 'I own or control the rights to this track' },
];

/**
 * Every metadata field of a track, for the upload cards and the "My tracks" editor alike; values
 * are checked by the shared schema (lib/domain/track-metadata.ts) by whoever submits.
 */
export function TrackMetadataFields({
  idPrefix, draft, errors, onChange, hints = {}, disabled,
}: {
  idPrefix: string;
  draft: TrackDraft;
  errors: FieldErrors;
  onChange: (field: DraftField, value: string | boolean) => void;
  hints?: Partial<Record<DraftField, ReactNode>>;
  disabled?: boolean;
}) {
  const id = (field: DraftField) => `${idPrefix}-${field}`;
  const described = (field: DraftField) =>
    [errors[field] && `${id(field)}-error`, hints[field] && `${id(field)}-hint`].filter(Boolean).join(' ') || undefined;
  const after = (field: DraftField) => (
    <>
      {hints[field] && <span id={`${id(field)}-hint`} className="muted">{hints[field]}</span>}
      {errors[field] && <span id={`${id(field)}-error`} className="field-error">{errors[field]}</span>}
    </>
  );
  const text = (f: (typeof TEXT)[number]) => (
    <div className={f.wide ? `field ${styles.wide}` : 'field'} key={f.name}>
      <label htmlFor={id(f.name)} className={styles.label}>{f.label}</label>
      <input
        id={id(f.name)} className="input" type={f.type ?? 'text'} inputMode={f.inputMode} placeholder={f.placeholder}
        value={draft[f.name]} disabled={disabled} autoComplete="off"
        aria-invalid={errors[f.name] ? true : undefined} aria-describedby={described(f.name)}
        onChange={(e) => onChange(f.name, e.target.value)}
      />
      {after(f.name)}
    </div>
  );
  const select = (name: 'genre' | 'key' | 'energy', label: string, options: readonly (readonly [string, string])[], empty: string) => (
    <div className="field">
      <label htmlFor={id(name)} className={styles.label}>{label}</label>
      <select
        id={id(name)} className="select" value={draft[name]} disabled={disabled}
        aria-invalid={errors[name] ? true : undefined} aria-describedby={described(name)}
        onChange={(e) => onChange(name, e.target.value)}
      >
        <option value="">{empty}</option>
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
      {after(name)}
    </div>
  );
  return (
    <div className={styles.fields}>
      {TEXT.slice(0, 4).map(text)}
      {select('genre', 'Genre', GENRES.map((g) => [g, g] as const), 'Choose a genre')}
      {TEXT.slice(4, 5).map(text)}
      {select('key', 'Key (Camelot)', CAMELOT_KEYS.map((k) => [k, k] as const), 'Unknown')}
      {select('energy', 'Energy', ENERGY_LEVELS.map((e) => [e, ENERGY_LABELS[e]] as const), 'Not set')}
      {TEXT.slice(5).map(text)}
      <div className={`field ${styles.wide}`}>
        <label htmlFor={id('description')} className={styles.label}>Description</label>
        <textarea
          id={id('description')} className="textarea" rows={3} maxLength={2000} value={draft.description} disabled={disabled}
          aria-invalid={errors.description ? true : undefined} aria-describedby={described('description')}
          onChange={(e) => onChange('description', e.target.value)}
        />
        {after('description')}
      </div>
      <fieldset className={`${styles.flags} ${styles.wide}`} disabled={disabled}>
        <legend className="visually-hidden">Options</legend>
        {FLAGS.map((flag) => (
          <div key={flag.name} className={styles.flagRow}>
            <label className={styles.flag}>
              <input
                type="checkbox" checked={draft[flag.name]} aria-invalid={errors[flag.name] ? true : undefined}
                aria-describedby={errors[flag.name] ? `${id(flag.name)}-error` : undefined}
                onChange={(e) => onChange(flag.name, e.target.checked)}
              />
              <span>{flag.label}</span>
            </label>
            {errors[flag.name] && <span id={`${id(flag.name)}-error`} className="field-error">{errors[flag.name]}</span>}
          </div>
        ))}
      </fieldset>
    </div>
  );
}
