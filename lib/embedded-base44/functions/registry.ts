import type { Actor } from '../access/policy';
import type { Services } from '../services';
import { rateTrack } from './rate-track';
import { recordSession } from './record-session';
import { resubmitTrack } from './resubmit-track';
import { unlockVipTrack } from './unlock-vip-track';

/** A Base44 backend function: JSON in, JSON out, run for a signed-in caller. */
export type BackendFunction = (services: Services, actor: Actor, input: unknown) => unknown;

/** The app's server functions, served at `POST /functions/{name}`. */
export const BACKEND_FUNCTIONS: ReadonlyMap<string, BackendFunction> = new Map<string, BackendFunction>([
  ['rateTrack', rateTrack],
  ['unlockVipTrack', unlockVipTrack],
  ['recordSession', recordSession],
  ['resubmitTrack', resubmitTrack],
]);
