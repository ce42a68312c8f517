import { ROLES, type Role } from '../../domain/enums';
import type { Actor } from '../access/policy';
import { unauthorized } from '../http/errors';
import type { EntityStore } from '../store/entity-store';
import type { TokenIssuer } from './tokens';

/** The caller behind `Authorization: Bearer <token>`; 401 when it is missing, forged or expired. */
export async function requireActor(request: Request, tokens: TokenIssuer, store: EntityStore): Promise<Actor> {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match?.[1]) throw unauthorized();
  const userId = await tokens.verify(match[1]);
  const user = store.get('User', userId);
  if (!user) throw unauthorized('The account no longer exists');
  const role = (ROLES as readonly string[]).includes(user.role as string) ? (user.role as Role) : 'user';
  return { id: user.id, email: String(user.email ?? ''), role };
}
