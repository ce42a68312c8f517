import { grantDiamonds } from '@/lib/base44';
import { grantDiamondsSchema } from '@/lib/domain/admin';
import { idParamsSchema } from '@/lib/api/params';
import { route } from '@/lib/api/route';

// POST /api/admin/users/:id/diamonds {amount: 1..1000} - adds Black Diamonds to a member's balance
// in one atomic increment on the server and tells them.
// → 200 {userId, amount, blackDiamonds, notified} · 400 · 404 · 403 for anyone but an admin
export const POST = route({ access: 'admin', params: idParamsSchema, body: grantDiamondsSchema }, async ({ auth, params, body }) =>
  grantDiamonds(auth.base44Token, auth.userId, params.id, body.amount),
);
