import type { EntityName } from '../entities/definitions';

/** Stands for the signed-in caller's user id inside a scope. */
export const CALLER = '$caller';

/** Equality conditions on top-level fields; a record is in scope when it matches every one. */
export type Scope = Readonly<Record<string, unknown>>;

/**
 * What a signed-in user who is not an admin may do with an entity. Admins (`role: 'admin'`) may
 * do anything; `admin_readonly` reads everything and writes like a user. Anonymous callers get
 * nothing: every entity call needs a session.
 */
export interface EntityAccessRule {
  /** Records the caller may read: `'all'`, or those matching any one scope. */
  readonly read: 'all' | readonly Scope[];
  /** Records the caller may update (and delete, unless `delete` says admin). */
  readonly write: readonly Scope[];
  readonly create: 'signed_in' | 'admin';
  readonly delete: 'writer' | 'admin';
  /** A new record must match one of these, after owner defaults and forced fields. */
  readonly createScope: readonly Scope[];
  /** Filled in with the caller when a new record leaves them out. */
  readonly ownerDefaults: Scope;
  /** Overwritten on every create by a non-admin. */
  readonly forcedOnCreate: Scope;
  /** Only admins may set or change these: anyone else sending a new value gets a 403. */
  readonly adminOnlyFields: readonly string[];
  /** Hidden on other people's records from callers who cannot read everything. */
  readonly privateFields: readonly string[];
  /** A non-admin may give these a value once; changing or clearing it afterwards is refused. */
  readonly setOnceFields?: readonly string[];
}

const own = (field: string): Scope => ({ [field]: CALLER });
/** Matched by no record (every record has an id): for entities only admins and functions touch. */
const NOBODY: Scope = { id: '' };

const base = {
  create: 'signed_in',
  delete: 'writer',
  forcedOnCreate: {},
  adminOnlyFields: [],
  privateFields: [],
} as const;

function ownedBy(field: string) {
  return { ...base, read: [own(field)], write: [own(field)], createScope: [own(field)], ownerDefaults: own(field) };
}

function conversation() {
  const parties = [own('sender_id'), own('receiver_id')];
  return { ...base, read: parties, write: parties, createScope: [own('sender_id')], ownerDefaults: own('sender_id') };
}

export const ACCESS_RULES: Readonly<Record<EntityName, EntityAccessRule>> = {
  Track: {
    ...ownedBy('producer_id'),
    read: [{ status: 'approved' }, own('producer_id')],
    forcedOnCreate: { status: 'pending', producer_id: CALLER },
    // Ratings are kept by the rateTrack function: a producer cannot award their own track stars.
    adminOnlyFields: [
      'status', 'is_vip', 'rejection_reason', 'rejected_at',
      'average_rating', 'rating_count', 'legacy_rating_count', 'legacy_rating_sum',
    ],
  },
  User: {
    ...base,
    read: 'all',
    write: [own('id')],
    create: 'admin',
    delete: 'admin',
    createScope: [],
    ownerDefaults: {},
    adminOnlyFields: ['role', 'black_diamonds', 'email'],
    privateFields: ['email', 'black_diamonds', 'sacem_number'],
  },
  Playlist: { ...ownedBy('user_id'), read: [{ is_public: true }, own('user_id')] },
  Message: conversation(),
  TrackSend: conversation(),
  Notification: {
    ...ownedBy('user_id'),
    // A DJ's app tells a producer their track was played.
    createScope: [own('user_id'), own('sender_id'), own('dj_id')],
  },
  // Each member sees their own purchases. Unlocks are bought through the unlockVipTrack function,
  // which charges the Black Diamond in the same transaction: a member creating, re-pricing or
  // deleting a purchase directly would unlock a track without paying (or hide a charge).
  VIPPurchase: {
    ...ownedBy('user_id'),
    create: 'admin',
    delete: 'admin',
    adminOnlyFields: ['user_id', 'track_id', 'amount', 'price_paid', 'type', 'purchased_at'],
  },
  // Sets are recorded by the recordSession function only, which awards the Black Diamond and tells
  // producers in the same transaction: a member creating sets or plays directly could fake plays of
  // a producer's track or claim an award. The DJ may still correct where a set took place.
  SessionMix: {
    ...ownedBy('dj_id'),
    create: 'admin',
    delete: 'admin',
    adminOnlyFields: [
      'dj_id', 'started_at', 'ended_at', 'tracks_count', 'diamond_awarded', 'black_diamonds_awarded',
      'idempotency_key', 'request_digest', 'skipped_track_ids', 'credited_tracks_count',
      'diamond_withheld_reason',
    ],
  },
  SessionTrack: {
    ...ownedBy('dj_id'),
    read: [own('dj_id'), own('producer_id')],
    create: 'admin',
    delete: 'admin',
    adminOnlyFields: ['session_mix_id', 'track_id', 'producer_id', 'dj_id', 'played_at', 'credited', 'uncredited_reason'],
  },
  // Each member sees only their own votes. Votes are cast through the rateTrack function, which
  // keeps the track's average in step; direct creates, deletes and vote changes are admin-only.
  TrackRating: {
    ...ownedBy('user_id'),
    create: 'admin',
    delete: 'admin',
    adminOnlyFields: ['track_id', 'user_id', 'stars'],
  },
  // Each member sees and ends only their own console sessions; an ended one stays ended (nobody
  // but an admin can clear revoked_at), and nobody can move a session to someone else.
  ConsoleSession: {
    ...ownedBy('user_id'),
    forcedOnCreate: { user_id: CALLER },
    delete: 'admin',
    adminOnlyFields: ['user_id'],
    setOnceFields: ['revoked_at', 'expires_at'],
  },
  // Sign-in throttle counters: kept by the authThrottle function (console key), invisible to members.
  AuthThrottle: {
    ...base,
    read: [NOBODY],
    write: [NOBODY],
    create: 'admin',
    delete: 'admin',
    createScope: [],
    ownerDefaults: {},
    adminOnlyFields: ['key', 'count', 'resets_at'],
  },
};
