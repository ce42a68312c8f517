import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { statementCache, type Db } from '../db/open-database';

export interface StoredFile {
  readonly name: string;
  readonly content_type: string;
  readonly size: number;
  readonly original_name: string | null;
  readonly created_date: string;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

const TYPES_BY_EXTENSION: Record<string, string> = {
  '.mp3': 'audio/mpeg', '.wav': 'audio/wav', '.ogg': 'audio/ogg', '.m4a': 'audio/mp4', '.flac': 'audio/flac',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp',
  '.gif': 'image/gif', '.svg': 'image/svg+xml', '.json': 'application/json', '.txt': 'text/plain',
};

/** Files live as `{dataDir}/files/{name}`; the table keeps what the upload said they are. */
export class FileStore {
  readonly directory: string;
  private readonly statement: ReturnType<typeof statementCache>;

  constructor(db: Db, dataDir: string, private readonly publicBase: string) {
    this.directory = path.join(dataDir, 'files');
    mkdirSync(this.directory, { recursive: true });
    this.statement = statementCache(db, 10);
  }

  /** Unguessable: 128 random bits, plus the extension so downloads keep a useful name. */
  newName(originalName: string | null): string {
    const extension = path.extname(originalName ?? '').toLowerCase();
    return randomBytes(16).toString('hex') + (/^\.[a-z0-9]{1,8}$/.test(extension) ? extension : '');
  }

  pathOf(name: string): string {
    if (!SAFE_NAME.test(name)) throw new Error(`Unsafe file name: ${name}`);
    return path.join(this.directory, name);
  }

  urlOf(name: string): string {
    return `${this.publicBase}/${encodeURIComponent(name)}`;
  }

  lookup(name: string): StoredFile | null {
    if (!SAFE_NAME.test(name)) return null;
    const row = this.statement('SELECT * FROM files WHERE name = ?').get(name) as StoredFile | undefined;
    return row ?? null;
  }

  record(file: Omit<StoredFile, 'created_date'>): StoredFile {
    const stored = { ...file, created_date: new Date().toISOString() };
    this.statement(
      'INSERT OR REPLACE INTO files (name, content_type, size, original_name, created_date) ' +
        'VALUES (@name, @content_type, @size, @original_name, @created_date)',
    ).run(stored);
    return stored;
  }

  /** For generated content (the demo seed): write and record in one call. */
  writeWhole(name: string, bytes: Uint8Array, contentType: string): string {
    writeFileSync(this.pathOf(name), bytes);
    this.record({ name, content_type: contentType, size: bytes.byteLength, original_name: name });
    return this.urlOf(name);
  }
}

/** The declared type when it is well-formed, else one inferred from the extension. */
export function contentTypeFor(declared: string | undefined, originalName: string | null): string {
  const clean = declared?.split(';')[0]?.trim().toLowerCase();
  if (clean && clean !== 'application/octet-stream' && /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(clean)) return clean;
  return TYPES_BY_EXTENSION[path.extname(originalName ?? '').toLowerCase()] ?? 'application/octet-stream';
}
