'use client';
import { useIsMutating, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Track } from '@/lib/domain/types';
import { isInsufficientDiamonds, unlockVipTrackMutationOptions, vipUnlockMutationKey } from '@/lib/query/vip-unlock';
import ui from '@/components/ui/ui.module.css';
import { DiamondIcon } from './diamond-icon';
import styles from './vip.module.css';

/**
 * "Unlock · 1 ◆" on a locked VIP track: asks first, then unlocks server-side (one Black Diamond,
 * charged once however often it is tapped). Disabled while any unlock of this track runs, here
 * or in another component; the balance shown updates from the answer.
 */
export function UnlockButton({ track, balance }: { track: Track; balance: number | undefined }) {
  const queryClient = useQueryClient();
  const unlock = useMutation(unlockVipTrackMutationOptions(queryClient, track.id));
  const running = useIsMutating({ mutationKey: vipUnlockMutationKey(track.id) }) > 0;
  const sending = useRef(false); // taps faster than a re-render
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [confirming, setConfirming] = useState(false);
  const busy = unlock.isPending || running;
  const cannotPay = balance !== undefined && balance < 1;
  const titleId = `unlock-title-${track.id}`;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (confirming && dialog && !dialog.open) dialog.showModal();
  }, [confirming]);

  function confirm() {
    if (sending.current || busy || cannotPay) return;
    sending.current = true;
    unlock.mutate(undefined, {
      onSuccess: () => setConfirming(false),
      onSettled: () => {
        sending.current = false;
      },
    });
  }

  return (
    <>
      <button
        type="button"
        className={`button ${styles.unlockButton}`}
        onClick={() => {
          unlock.reset();
          setConfirming(true);
        }}
        disabled={busy}
        data-testid="unlock-vip"
        aria-label={`Unlock ${track.title} for 1 Black Diamond`}
      >
        {busy ? (
          'Unlocking…'
        ) : (
          <>
            Unlock · 1 <DiamondIcon className={styles.smallDiamond} />
          </>
        )}
      </button>
      {/* Mounted only while confirming: every card's closed dialog focused its Cancel button on mount. */}
      {confirming && (
        <dialog
          ref={dialogRef}
          className={ui.dialog}
          aria-labelledby={titleId}
          onCancel={(event) => {
            event.preventDefault();
            if (!busy) setConfirming(false);
          }}
        >
          <h2 id={titleId}>Unlock “{track.title}”?</h2>
          <p className="muted">
            Unlocking costs <strong>1 Black Diamond</strong>
            {balance !== undefined ? `: you have ${balance}${balance >= 1 ? `, ${balance - 1} after.` : '.'}` : '.'} The whole track then
            plays, and you can keep it offline. It stays unlocked for good.
          </p>
          {cannotPay && <p className="field-error">You have no Black Diamond left. You earn one with each validated DJ set.</p>}
          {unlock.isError && (
            <p className="field-error" role="alert" data-testid="unlock-error">
              {isInsufficientDiamonds(unlock.error) ? unlock.error.message : `Not unlocked: ${unlock.error.message}`}
            </p>
          )}
          <div className={ui.dialogActions}>
            <button type="button" className="button" onClick={() => setConfirming(false)} disabled={busy} autoFocus>
              Cancel
            </button>
            <button type="button" className="button button-primary" onClick={confirm} disabled={busy || cannotPay}>
              {busy ? 'Unlocking…' : cannotPay ? 'Not enough Black Diamonds' : 'Unlock for 1 Black Diamond'}
            </button>
          </div>
        </dialog>
      )}
    </>
  );
}
