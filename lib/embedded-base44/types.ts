import type { RateLimit } from './http/rate-limit';
import type { RequestStats } from './http/stats';

export interface EmbeddedBase44 {
  readonly appId: string;
  /** Public base used in `file_url` values, e.g. `http://127.0.0.1:4100`. */
  readonly baseUrl: string;
  /** Settles once the database is open and, on a first start, the demo data is seeded. */
  readonly ready: Promise<void>;
  /** Serves full URL paths `/api/apps/{appId}/...`. */
  handle(request: Request): Promise<Response>;
  /** Calls served since the start or the last reset, e.g. `byRoute['GET /entities/Track']`. */
  readonly stats: RequestStats;
  resetStats(): void;
  close(): void;
}

export interface DemoSeedOptions {
  /** Tracks in the demo catalogue (default 48). Tests may ask for fewer to start faster. */
  readonly trackCount?: number;
}

export interface EmbeddedBase44Options {
  readonly dataDir: string;
  /** Default `spynners-local`. */
  readonly appId?: string;
  readonly baseUrl: string;
  /** Default: generated once and kept in `{dataDir}/jwt-secret`. */
  readonly jwtSecret?: string;
  /** Off (null) by default: entity list, filter and count calls per app and window. */
  readonly rateLimit?: RateLimit | null;
  /** Default 100 MB. */
  readonly maxUploadBytes?: number;
  /** The console's shared secret for `POST /functions/authThrottle`; unset: that function is off. */
  readonly consoleKey?: string | null;
  /** Default true: seed the demo data when the database is empty. */
  readonly seed?: boolean | DemoSeedOptions;
}

export const DEFAULT_APP_ID = 'spynners-local';
export const DEFAULT_MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
