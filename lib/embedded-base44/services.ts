import type { TokenIssuer } from './auth/tokens';
import type { FileStore } from './files/file-store';
import type { EntityStore } from './store/entity-store';

/** What the route handlers share: one instance per backend. */
export interface Services {
  readonly appId: string;
  readonly store: EntityStore;
  readonly files: FileStore;
  readonly tokens: TokenIssuer;
  readonly maxUploadBytes: number;
  /** The console's shared secret for the authThrottle function; null leaves the function off. */
  readonly consoleKey: string | null;
}
