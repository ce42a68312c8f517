import { z } from 'zod';
import { assertAdminFieldsUnchanged } from '../access/policy';
import { authThrottleRoute } from '../functions/auth-throttle';
import { flattenProfileUpdate, withCustomData } from '../access/user-view';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from '../auth/passwords';
import { clientFields, validateRecord } from '../entities/validate';
import { readJsonBody } from '../http/body';
import { badRequest, forbidden, HttpError, jsonResponse, unauthorized } from '../http/errors';
import type { Route } from '../http/router';
import type { Services } from '../services';
import type { EntityRecord } from '../store/entity-store';
import { newId, newRecord, updatedRecord } from '../store/records';

const credentialsSchema = z.object({ email: z.string().max(320), password: z.string().max(1024) });
const registrationSchema = z.looseObject({
  email: z.email().max(320),
  password: z.string().min(8, 'must be at least 8 characters').max(1024),
  full_name: z.string().max(200).optional(),
});
const passwordChangeSchema = z.object({
  user_id: z.string().max(64),
  current_password: z.string().max(1024),
  new_password: z.string().min(8, 'must be at least 8 characters').max(1024),
});
/** Set by admins only; a self-registration sending them is refused. */
const ADMIN_ONLY_PROFILE_FIELDS = ['role', 'black_diamonds'];

export function authRoutes(services: Services): Route[] {
  const { store, tokens } = services;
  const session = async (user: EntityRecord) => ({
    access_token: await tokens.issue(user.id),
    token_type: 'Bearer',
    user: withCustomData(user),
  });

  const register: Route['handle'] = async ({ request }) => {
    const parsed = registrationSchema.safeParse(await readJsonBody(request));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw badRequest(`Invalid registration: ${issue?.path.join('.')} ${issue?.message}`);
    }
    const { email, password, ...rest } = parsed.data;
    const profile = flattenProfileUpdate(clientFields(rest, 'A registration'));
    const refused = ADMIN_ONLY_PROFILE_FIELDS.find((field) => field in profile);
    if (refused) throw forbidden(`${refused} cannot be chosen at registration`);
    const id = newId();
    const user = newRecord(
      { ...profile, email: email.toLowerCase(), role: 'user', black_diamonds: 0 },
      { id, email: email.toLowerCase() },
      { id },
    );
    validateRecord('User', user);
    const passwordHash = await hashPassword(password);
    store.transaction(() => {
      if (store.findUserIdByEmail(email)) {
        throw new HttpError(409, 'An account with this email already exists', 'conflict');
      }
      store.insert('User', user);
      store.setPasswordHash(user.id, passwordHash);
    });
    return jsonResponse(await session(user), 201);
  };

  const changePassword: Route['handle'] = async ({ request, actor }) => {
    const parsed = passwordChangeSchema.safeParse(await readJsonBody(request));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw badRequest(`Invalid password change: ${issue?.path.join('.')} ${issue?.message}`);
    }
    const { user_id: userId, current_password: current, new_password: next } = parsed.data;
    if (userId !== actor.id) throw forbidden('You may only change your own password');
    const hash = store.passwordHash(actor.id);
    if (!hash || !(await verifyPassword(current, hash))) {
      throw new HttpError(400, 'The current password is not correct', 'invalid_current_password');
    }
    if (current === next) throw badRequest('The new password must differ from the current one');
    const nextHash = await hashPassword(next);
    store.transaction(() => store.setPasswordHash(actor.id, nextHash));
    return jsonResponse({ success: true });
  };

  return [
    // The console's sign-in throttle counters (console key, no session); before /functions/:name.
    authThrottleRoute(services),
    {
      // POST /auth/login {email, password} → {access_token, user}
      method: 'POST',
      pattern: '/auth/login',
      access: 'public',
      async handle({ request }) {
        const parsed = credentialsSchema.safeParse(await readJsonBody(request));
        if (!parsed.success) throw badRequest('Login expects {email, password}');
        const userId = store.findUserIdByEmail(parsed.data.email.trim());
        const hash = userId ? store.passwordHash(userId) : null;
        const valid = hash ? await verifyPassword(parsed.data.password, hash) : await verifyAgainstDecoy(parsed.data.password);
        const user = valid && userId ? store.get('User', userId) : null;
        if (!user) throw unauthorized('Invalid email or password');
        return jsonResponse(await session(user));
      },
    },
    { method: 'POST', pattern: '/auth/register', access: 'public', handle: register },
    // POST /auth/change-password {user_id, current_password, new_password} (the SDK's changePassword)
    { method: 'POST', pattern: '/auth/change-password', access: 'session', handle: changePassword },
    // The SPYNNERS app calls this name for the same thing.
    { method: 'POST', pattern: '/auth/signup', access: 'public', handle: register },
    {
      // GET /entities/User/me - the signed-in user
      method: 'GET',
      pattern: '/entities/User/me',
      access: 'session',
      handle({ actor }) {
        const user = store.get('User', actor.id);
        if (!user) throw unauthorized('The account no longer exists');
        return jsonResponse(withCustomData(user));
      },
    },
    {
      // PUT /entities/User/me - own profile; role, black_diamonds and email stay as they are
      method: 'PUT',
      pattern: '/entities/User/me',
      access: 'session',
      async handle({ request, actor }) {
        const patch = flattenProfileUpdate(clientFields(await readJsonBody(request), 'A profile update'));
        const user = store.transaction(() => {
          const before = store.get('User', actor.id);
          if (!before) throw unauthorized('The account no longer exists');
          const after = updatedRecord(before, patch);
          assertAdminFieldsUnchanged('User', before, after, { ...actor, role: 'user' });
          validateRecord('User', after);
          store.replace('User', after);
          return after;
        });
        return jsonResponse(withCustomData(user));
      },
    },
  ];
}
