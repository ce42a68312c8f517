import Database from 'better-sqlite3';
import { HttpError } from '../http/errors';

/** A unique-index violation (a second user with the same email) is a 409, not a 500. */
export function translateConstraintError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new HttpError(409, 'A record with this unique value already exists', 'conflict');
    }
    throw error;
  }
}
