import { describe, expect, it } from 'vitest';
import { consoleDatabaseMayExist } from '@/lib/offline/database-exists';
import { CONSOLE_DB_NAME } from '@/lib/offline/db';

const hostWith = (names: string[]) => ({ indexedDB: { databases: async () => names.map((name) => ({ name })) } });

describe('consoleDatabaseMayExist', () => {
  it('says no only when the browser lists databases and ours is not among them', async () => {
    expect(await consoleDatabaseMayExist(hostWith([]))).toBe(false);
    expect(await consoleDatabaseMayExist(hostWith(['another-app']))).toBe(false);
    expect(await consoleDatabaseMayExist(hostWith(['another-app', CONSOLE_DB_NAME]))).toBe(true);
  });

  it('says maybe when the browser cannot tell', async () => {
    expect(await consoleDatabaseMayExist({})).toBe(true);
    expect(await consoleDatabaseMayExist({ indexedDB: {} })).toBe(true);
    expect(await consoleDatabaseMayExist({ indexedDB: { databases: () => Promise.reject(new Error('blocked')) } })).toBe(true);
  });
});
