'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { apiFetch, ApiClientError } from '@/lib/api/client';
import type { Track } from '@/lib/domain/types';
import { invalidateAfter } from '@/lib/query/invalidation';
import { readTags } from '@/lib/uploads/read-tags';
import { refusalOf } from '@/lib/uploads/refusal';
import { sendUpload, UploadCancelledError, type UploadHandle } from '@/lib/uploads/xhr-upload';

export type ReplaceState =
  | { phase: 'idle' }
  | { phase: 'uploading'; fileName: string; loaded: number; total: number }
  | { phase: 'saving'; fileName: string }
  | { phase: 'done'; fileName: string }
  /** Refused: the file cannot be accepted (another one may); failed: the upload or saving went wrong. */
  | { phase: 'refused'; fileName: string; error: string }
  | { phase: 'failed'; fileName: string; error: string };

/**
 * New audio for a pending or rejected track: the file is checked in the browser (size, content),
 * sent through the same upload route as new tracks, then attached to the track, which goes back
 * to review. Cancel stops the upload; nothing changes on the track until the upload is through.
 */
export function useReplaceAudio(trackId: string, limitBytes: number) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<ReplaceState>({ phase: 'idle' });
  const handle = useRef<UploadHandle | null>(null);

  useEffect(() => () => handle.current?.abort(), []);

  const replace = useCallback(async (file: File) => {
    const fileName = file.name;
    const refusal = await refusalOf(file, 'audio', limitBytes);
    if (refusal) return setState({ phase: 'refused', fileName, error: refusal });
    setState({ phase: 'uploading', fileName, loaded: 0, total: file.size });
    const duration = readTags(file).then((reading) => reading.durationSeconds, () => null);
    const upload = sendUpload(file, fileName, 'audio', (loaded, total) => setState({ phase: 'uploading', fileName, loaded, total }));
    handle.current = upload;
    try {
      const { receipt } = await upload.done;
      setState({ phase: 'saving', fileName });
      await apiFetch<Track>(`/api/my-tracks/${encodeURIComponent(trackId)}/audio`, {
        method: 'POST',
        json: { audio: receipt, durationSeconds: await duration },
      });
      setState({ phase: 'done', fileName });
      await invalidateAfter(queryClient, { type: 'my-tracks-changed', trackId });
    } catch (error) {
      if (error instanceof UploadCancelledError) return setState({ phase: 'idle' });
      const message = error instanceof ApiClientError ? error.message : 'The audio could not be replaced';
      const refused = error instanceof ApiClientError && (error.status === 415 || error.status === 413);
      setState(refused ? { phase: 'refused', fileName, error: message } : { phase: 'failed', fileName, error: message });
    } finally {
      handle.current = null;
    }
  }, [limitBytes, queryClient, trackId]);

  const cancel = useCallback(() => handle.current?.abort(), []);

  return { state, replace, cancel };
}
