import { proxyUserAvatar } from '@/lib/api/avatar-proxy';
import { idParamsSchema } from '@/lib/api/params';
import { route } from '@/lib/api/route';

// GET /api/users/:id/avatar - the member's avatar when it is a file on the Base44 backend, same origin
export const GET = route({ params: idParamsSchema }, async ({ auth, params, req }) =>
  proxyUserAvatar(auth, params.id, req),
);
