import { assertCanRead, type Actor } from '../access/policy';
import { notFound } from '../http/errors';
import type { EntityRecord, EntityStore } from '../store/entity-store';

/** A track the caller may see; one they may not is "not found", as if it did not exist. */
export function readableTrack(store: EntityStore, id: string, actor: Actor): EntityRecord {
  const track = store.get('Track', id);
  if (!track) throw notFound('Track not found');
  try {
    assertCanRead('Track', track, actor);
  } catch {
    throw notFound('Track not found');
  }
  return track;
}
