import type { Page } from '@playwright/test';
import { consoleStoreRows } from './persisted-cache';

export interface SavedRow {
  userId: string;
  session: { decks: Record<'A' | 'B', { track: { id: string } | null; position: number }>; player: { track: { id: string } | null } };
}

/** The saved sessions, read straight from IndexedDB (no app code). */
export function savedSessions(page: Page): Promise<SavedRow[]> {
  return consoleStoreRows<SavedRow>(page, 'playerSessions');
}
