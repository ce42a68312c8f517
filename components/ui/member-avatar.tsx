'use client';
import { useState } from 'react';
import styles from './member-avatar.module.css';

function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]![0], words.at(-1)![0]] : [...(words[0] ?? '?')].slice(0, 2);
  return letters.join('').toUpperCase();
}

/**
 * A member's round photo, or their initials when there is none or it cannot load (offline, a dead
 * external link). Decorative: whatever contains it names the member.
 */
export function MemberAvatar({ url, name, size }: { url: string | null | undefined; name: string; size: number }) {
  const [failed, setFailed] = useState<string | null>(null);
  const showPhoto = Boolean(url) && failed !== url;
  return (
    <span className={styles.avatar} style={{ width: size, height: size, fontSize: size * 0.4 }} aria-hidden="true" data-testid="member-avatar">
      {showPhoto ? (
        // eslint-disable-next-line @next/next/no-img-element -- same-origin proxy or the member's own https image
        <img src={url!} alt="" width={size} height={size} referrerPolicy="no-referrer" decoding="async" onError={() => setFailed(url ?? null)} />
      ) : (
        initialsOf(name)
      )}
    </span>
  );
}
