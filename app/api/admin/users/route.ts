import { listUsers } from '@/lib/base44';
import { userListQuerySchema } from '@/lib/domain/admin';
import { route } from '@/lib/api/route';

// GET /api/admin/users?search=&role=&page= - members, newest first, with emails and balances
// (admins and read-only admins)
export const GET = route({ access: 'staff', query: userListQuerySchema }, async ({ auth, query, req }) =>
  listUsers(auth.base44Token, query, { signal: req.signal }),
);
