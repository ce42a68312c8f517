'use client';
import { useState, type FormEvent } from 'react';
import { consoleDb } from '@/lib/offline/db';
import { SET_LIMITS } from '@/lib/domain/sessions';
import { startSet, type Place } from '@/lib/sessions/sets';
import styles from './sessions.module.css';

/** Where the DJ is playing; the last places used are one tap away. Works offline. */
export function StartSetForm({ userId, recent }: { userId: string; recent: Place[] }) {
  const [place, setPlace] = useState<Place>({ venue: '', city: '', country: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onVenue = (venue: string) => {
    const known = recent.find((p) => p.venue.toLowerCase() === venue.trim().toLowerCase());
    setPlace((current) => (known && !current.city && !current.country ? { ...known, venue } : { ...current, venue }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await startSet(consoleDb(), userId, place, Date.now());
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'The set could not be started.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.card} onSubmit={submit} aria-labelledby="start-set-title" data-testid="start-set">
      <h2 id="start-set-title">Start a set</h2>
      <p className="muted">Every track you play on air for 30 s is logged. Sets are kept on this device and sent when the network allows.</p>
      {recent.length > 0 && (
        <div className={styles.recent} role="group" aria-label="Recent places">
          {recent.map((p) => (
            <button key={`${p.venue}|${p.city}`} type="button" className="chip" onClick={() => setPlace(p)}>
              {p.venue}
              {p.city ? ` · ${p.city}` : ''}
            </button>
          ))}
        </div>
      )}
      <div className={styles.fields}>
        <label className="field">
          <span>Venue</span>
          <input className="input" name="venue" list="recent-venues" required maxLength={SET_LIMITS.venue} value={place.venue} onChange={(e) => onVenue(e.target.value)} autoComplete="off" />
          <datalist id="recent-venues">
            {recent.map((p) => (
              <option key={`${p.venue}|${p.city}`} value={p.venue}>{[p.city, p.country].filter(Boolean).join(', ')}</option>
            ))}
          </datalist>
        </label>
        <label className="field">
          <span>City</span>
          <input className="input" name="city" maxLength={SET_LIMITS.city} value={place.city} onChange={(e) => setPlace({ ...place, city: e.target.value })} autoComplete="address-level2" />
        </label>
        <label className="field">
          <span>Country</span>
          <input className="input" name="country" maxLength={SET_LIMITS.country} value={place.country} onChange={(e) => setPlace({ ...place, country: e.target.value })} autoComplete="country-name" />
        </label>
      </div>
      {error && (
        <p className="field-error" data-testid="form-error">
          {error}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={busy}>
        Start set
      </button>
    </form>
  );
}
