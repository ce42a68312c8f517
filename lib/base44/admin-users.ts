// Admins' view of members: the list (search, role, balance) and Black Diamond grants. A grant is
// one atomic increment on the server (update-many with `$inc`), never a read-modify-write.
import { z } from 'zod';
import { USER_LIST_PAGE_SIZE, type AdminUser, type AdminUserPage, type GrantResult, type UserListQuery } from '@/lib/domain/admin';
import type { CallOptions } from './account';
import type { Base44Client } from './client';
import { Base44Error } from './errors';
import type { Notify } from './notifications';
import { updateManyResultSchema } from './review';
import { escapeRegex } from './track-filter';
import { countSchema } from './tracks';
import { userRecordSchema } from './users';

const SEARCHED_FIELDS = ['email', 'full_name', 'artist_name'];

export function userListFilter(query: Pick<UserListQuery, 'search' | 'role'>): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (query.role) filter.role = query.role;
  const search = query.search?.trim();
  if (search) filter.$or = SEARCHED_FIELDS.map((field) => ({ [field]: { $regex: escapeRegex(search), $options: 'i' } }));
  return filter;
}

const toAdminUser = (user: z.output<typeof userRecordSchema>): AdminUser => ({
  id: user.id,
  email: user.email,
  fullName: user.fullName,
  artistName: user.artistName,
  role: user.role,
  userType: user.userType,
  blackDiamonds: user.blackDiamonds,
  createdAt: user.createdAt,
});

export function adminUserVerbs(client: Base44Client, notify: Notify) {
  /** One page of members, newest first, with the total matching. */
  async function listUsers(token: string, query: UserListQuery, options: CallOptions = {}): Promise<AdminUserPage> {
    const q = JSON.stringify(userListFilter(query));
    const [records, total] = await Promise.all([
      client.request({
        method: 'GET',
        path: '/entities/User',
        query: { q, sort: '-created_date', limit: USER_LIST_PAGE_SIZE, skip: (query.page - 1) * USER_LIST_PAGE_SIZE },
        token,
        schema: z.array(z.unknown()),
        signal: options.signal,
      }),
      client.request({ method: 'GET', path: '/entities/User/count', query: { q }, token, schema: countSchema, signal: options.signal }),
    ]);
    const items = records.flatMap((record) => {
      const parsed = userRecordSchema.safeParse(record);
      return parsed.success ? [toAdminUser(parsed.data)] : [];
    });
    return { items, total, page: query.page, pageSize: USER_LIST_PAGE_SIZE };
  }

  /** Adds `amount` Black Diamonds to a member's balance, atomically, and tells them. */
  async function grantDiamonds(token: string, granterId: string, userId: string, amount: number): Promise<GrantResult> {
    const updated = await client.request({
      method: 'PATCH',
      path: '/entities/User/update-many',
      token,
      body: { query: { id: userId }, data: { $inc: { black_diamonds: amount } } },
      schema: updateManyResultSchema,
    });
    if (updated === 0) throw new Base44Error('not_found', { message: 'This member does not exist.' });
    const user = await client.request({
      method: 'GET',
      path: `/entities/User/${encodeURIComponent(userId)}`,
      token,
      schema: userRecordSchema,
    });
    const notified = await notify(token, {
      userId,
      type: 'system',
      title: amount === 1 ? 'You received a Black Diamond' : `You received ${amount} Black Diamonds`,
      message: `The SPYNNERS team added ${amount} Black Diamond${amount === 1 ? '' : 's'} to your balance.`,
      senderId: granterId,
    });
    return { userId, amount, blackDiamonds: user.blackDiamonds, notified };
  }

  return { listUsers, grantDiamonds };
}
