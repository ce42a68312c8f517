// Every kind of outbox entry the console writes. The page and the service worker both deliver with
// this map, so an entry means the same thing whoever sends it.
import { djSetOutboxKind } from '@/lib/sessions/set-outbox';
import { DJ_SET_KIND } from '@/lib/sessions/sets';
import type { OutboxKinds } from './kind';

export const OUTBOX_KINDS: OutboxKinds = new Map([[DJ_SET_KIND, djSetOutboxKind]]);

export { OUTBOX_SYNC_TAG } from './sync-tag';
