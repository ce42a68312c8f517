// Why a download failed, in words a DJ can act on.
import type { DownloadFailure, StorageState } from './types';

/** Cache.put / IndexedDB refusing to grow: QuotaExceededError (Dexie wraps it under the same name). */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, message, inner } = error as { name?: unknown; code?: unknown; message?: unknown; inner?: unknown };
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22) return true;
  if (typeof message === 'string' && /quota/i.test(message)) return true;
  return inner !== undefined && inner !== error && isQuotaError(inner);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

export function quotaFailure(title: string, sizeBytes: number | null, storage: StorageState): DownloadFailure {
  const size = sizeBytes ? ` (${formatBytes(sizeBytes)})` : '';
  const usage =
    storage.usage !== null && storage.quota !== null
      ? ` The console uses ${formatBytes(storage.usage)} of the ${formatBytes(storage.quota)} this device allows it.`
      : '';
  return {
    kind: 'quota',
    message:
      `Not enough storage to keep “${title}”${size} offline.${usage} ` +
      'Remove downloads you no longer need (Downloads → Remove), or free space on the device, then retry.',
  };
}

export function httpFailure(status: number): DownloadFailure {
  if (status === 401) return { kind: 'auth', message: 'Your session has expired. Sign in again, then retry.' };
  if (status === 403) return { kind: 'forbidden', message: 'You are not allowed to download this track.' };
  if (status === 404) return { kind: 'not_found', message: 'This track’s audio is no longer available.' };
  if (status === 206) return { kind: 'server', message: 'The server sent part of the file instead of all of it. Retry.' };
  return { kind: 'server', message: `The server could not send the file (status ${status}). Retry in a moment.` };
}

export const NETWORK_FAILURE: DownloadFailure = {
  kind: 'network',
  message: 'The download was interrupted: the console cannot reach the server. Retry when you are back online.',
};

export const INCOMPLETE_FAILURE: DownloadFailure = {
  kind: 'incomplete',
  message: 'The download stopped before the end of the file; nothing was kept. Retry.',
};

export function storageFailure(error: unknown): DownloadFailure {
  const detail = error instanceof Error && error.message ? ` (${error.message.slice(0, 120)})` : '';
  return { kind: 'storage', message: `The device could not store the file${detail}. Retry; if it keeps failing, reload the console.` };
}
