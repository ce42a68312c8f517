import { changePassword, isBase44Error, revokeConsoleSessions, WRONG_CURRENT_PASSWORD } from '@/lib/base44';
import { ApiError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { sessionLiveness } from '@/lib/auth/console-sessions';
import { throttledAttempt } from '@/lib/auth/throttle/attempt';
import { passwordChangePlan } from '@/lib/auth/throttle/plans';
import { throttleCounters } from '@/lib/auth/throttle/store';
import { tooManyAttemptsMessage } from '@/lib/auth/throttle/wait-text';
import { serverEnv } from '@/lib/config/env';
import { passwordChangeSchema } from '@/lib/domain/console-session';

const wrongPassword = () =>
  new ApiError('invalid_input', WRONG_CURRENT_PASSWORD, { issues: [{ path: 'currentPassword', message: WRONG_CURRENT_PASSWORD }] });

// POST /api/me/password {currentPassword, newPassword} - throttled like a sign-in (the current
// password can be guessed here too); on success every OTHER session of the member ends.
export const POST = route({ body: passwordChangeSchema }, async ({ auth, body, req }) => {
  if (body.newPassword === body.currentPassword) {
    throw new ApiError('invalid_input', 'Choose a new password different from the current one', {
      issues: [{ path: 'newPassword', message: 'Choose a password different from the current one' }],
    });
  }
  const attempt = async (): Promise<'changed' | 'wrong'> => {
    try {
      await changePassword(auth.base44Token, { userId: auth.userId, ...body }, { signal: req.signal });
      return 'changed';
    } catch (error) {
      if (isBase44Error(error) && error.message === WRONG_CURRENT_PASSWORD) return 'wrong';
      throw error;
    }
  };
  const plan = passwordChangePlan(serverEnv().nextAuthSecret, auth.userId);
  const outcome = await throttledAttempt(throttleCounters(), plan, attempt, (v) => v === 'changed', { signal: req.signal });
  if (outcome.kind === 'refused') {
    throw new ApiError('too_many_attempts', tooManyAttemptsMessage(outcome.retryAfterSeconds), {
      retryAfterSeconds: outcome.retryAfterSeconds,
    });
  }
  if (outcome.value === 'wrong') throw wrongPassword();
  const endedSessions = await revokeConsoleSessions(auth.base44Token, auth.userId, auth.sessionId, { signal: req.signal });
  sessionLiveness().markUserDead(auth.userId, auth.sessionId);
  return { endedSessions };
});
