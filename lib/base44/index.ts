import 'server-only';
import { serverEnv } from '@/lib/config/env';
import { createBase44, type Base44 } from './base44';
import { embeddedConsoleKey, sharedEmbeddedBackend } from './embedded';

// The only way into Base44. Nothing outside lib/base44 sees a wire shape or a Base44 URL.

const INSTANCE = Symbol.for('spynners.base44.default');
type Holder = { [INSTANCE]?: Base44 };

/**
 * The process-wide instance from the server's environment. On globalThis so that every copy of
 * this module Next loads (route bundles, dev reloads) shares one cache and one set of flights.
 */
export function base44(): Base44 {
  const holder = globalThis as Holder;
  if (!holder[INSTANCE]) {
    const env = serverEnv();
    holder[INSTANCE] = createBase44({
      serverUrl: env.base44ServerUrl,
      appId: env.base44AppId,
      timeoutMs: env.base44TimeoutMs,
      embedded: env.base44ServerUrl ? undefined : sharedEmbeddedBackend,
      consoleKey: env.base44ConsoleKey ?? (env.base44ServerUrl ? null : embeddedConsoleKey()),
    });
  }
  return holder[INSTANCE];
}

export const login: Base44['login'] = (...args) => base44().login(...args);
export const register: Base44['register'] = (...args) => base44().register(...args);
export const getMe: Base44['getMe'] = (...args) => base44().getMe(...args);
export const updateMe: Base44['updateMe'] = (...args) => base44().updateMe(...args);
export const listTracks: Base44['listTracks'] = (...args) => base44().listTracks(...args);
export const getTrack: Base44['getTrack'] = (...args) => base44().getTrack(...args);
export const getTrackMediaSource: Base44['getTrackMediaSource'] = (...args) => base44().getTrackMediaSource(...args);
export const getTrackMedia: Base44['getTrackMedia'] = (...args) => base44().getTrackMedia(...args);
export const hasUnlockedTrack: Base44['hasUnlockedTrack'] = (...args) => base44().hasUnlockedTrack(...args);
export const fetchMedia: Base44['fetchMedia'] = (...args) => base44().fetchMedia(...args);
export const invalidateCatalogue: Base44['invalidateCatalogue'] = () => base44().invalidateCatalogue();
export const listCatalogue: Base44['listCatalogue'] = (...args) => base44().listCatalogue(...args);
export const listMyPlaylists: Base44['listMyPlaylists'] = (...args) => base44().listMyPlaylists(...args);
export const getPlaylist: Base44['getPlaylist'] = (...args) => base44().getPlaylist(...args);
export const createPlaylist: Base44['createPlaylist'] = (...args) => base44().createPlaylist(...args);
export const updatePlaylist: Base44['updatePlaylist'] = (...args) => base44().updatePlaylist(...args);
export const deletePlaylist: Base44['deletePlaylist'] = (...args) => base44().deletePlaylist(...args);
export const getTrackRating: Base44['getTrackRating'] = (...args) => base44().getTrackRating(...args);
export const rateTrack: Base44['rateTrack'] = (...args) => base44().rateTrack(...args);
export const getVipOverview: Base44['getVipOverview'] = (...args) => base44().getVipOverview(...args);
export const unlockVipTrack: Base44['unlockVipTrack'] = (...args) => base44().unlockVipTrack(...args);
export const recordSession: Base44['recordSession'] = (...args) => base44().recordSession(...args);
export const listMySessions: Base44['listMySessions'] = (...args) => base44().listMySessions(...args);
export const getPublicProfile: Base44['getPublicProfile'] = (...args) => base44().getPublicProfile(...args);
export const getUserAvatarSource: Base44['getUserAvatarSource'] = (...args) => base44().getUserAvatarSource(...args);
export const listMyTracks: Base44['listMyTracks'] = (...args) => base44().listMyTracks(...args);
export const createTrack: Base44['createTrack'] = (...args) => base44().createTrack(...args);
export const updateMyTrack: Base44['updateMyTrack'] = (...args) => base44().updateMyTrack(...args);
export const deleteMyTrack: Base44['deleteMyTrack'] = (...args) => base44().deleteMyTrack(...args);
export const resubmitMyTrack: Base44['resubmitMyTrack'] = (...args) => base44().resubmitMyTrack(...args);
export const uploadFile: Base44['uploadFile'] = (...args) => base44().uploadFile(...args);
export const listReviewQueue: Base44['listReviewQueue'] = (...args) => base44().listReviewQueue(...args);
export const approveTrack: Base44['approveTrack'] = (...args) => base44().approveTrack(...args);
export const rejectTrack: Base44['rejectTrack'] = (...args) => base44().rejectTrack(...args);
export const setTrackVip: Base44['setTrackVip'] = (...args) => base44().setTrackVip(...args);
export const listUsers: Base44['listUsers'] = (...args) => base44().listUsers(...args);
export const grantDiamonds: Base44['grantDiamonds'] = (...args) => base44().grantDiamonds(...args);
export const getTrackStats: Base44['getTrackStats'] = (...args) => base44().getTrackStats(...args);
export const listMyNotifications: Base44['listMyNotifications'] = (...args) => base44().listMyNotifications(...args);
export const getProducerStats: Base44['getProducerStats'] = (...args) => base44().getProducerStats(...args);
export const openConsoleSession: Base44['openConsoleSession'] = (...args) => base44().openConsoleSession(...args);
export const readConsoleSession: Base44['readConsoleSession'] = (...args) => base44().readConsoleSession(...args);
export const listConsoleSessions: Base44['listConsoleSessions'] = (...args) => base44().listConsoleSessions(...args);
export const revokeConsoleSessions: Base44['revokeConsoleSessions'] = (...args) => base44().revokeConsoleSessions(...args);
export const revokeConsoleSession: Base44['revokeConsoleSession'] = (...args) => base44().revokeConsoleSession(...args);
export const changePassword: Base44['changePassword'] = (...args) => base44().changePassword(...args);
export const hitCounters: Base44['hitCounters'] = (...args) => base44().hitCounters(...args);
export const settleCounters: Base44['settleCounters'] = (...args) => base44().settleCounters(...args);
/** False against a hosted app configured without BASE44_CONSOLE_KEY: the throttle then counts in process. */
export const hasThrottleFunction = (): boolean => base44().hasConsoleKey;

export { createBase44, type Base44, type Base44Config } from './base44';
export { Base44Error, isBase44Error, type Base44ErrorCode } from './errors';
export { catalogueFreshness, catalogueVersion } from './catalogue';
export { avatarFor, avatarProxyPath } from './avatars';
export type { Freshness } from './public-read';
export type { CallOptions, Registration, Session } from './account';
export type { MediaOptions } from './media';
export type { NewTrack } from './my-tracks';
export { isSessionLive, WRONG_CURRENT_PASSWORD, type ConsoleSessionRecord } from './console-sessions';
export type { CounterHit, CounterState } from './auth-throttle';
export { UpstreamTooLargeError, type FileToUpload } from './uploads';
export {
  InsufficientDiamondsError,
  isInsufficientDiamondsError,
  INSUFFICIENT_DIAMONDS_MESSAGE,
  VIP_UNLOCK_PRICE,
  type VipUnlockResult,
} from './unlock';

/** Starts the embedded backend (and its first-run demo seed) early, e.g. while the sign-in page shows. */
export function warmUp(): void {
  if (!serverEnv().base44ServerUrl) void sharedEmbeddedBackend().catch(() => undefined);
}
