'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { GRANT_CONFIRM_ABOVE, GRANT_MAX, GRANT_MIN, grantDiamondsSchema, type AdminUser } from '@/lib/domain/admin';
import { grantDiamondsMutationOptions } from '@/lib/query/admin';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import styles from './admin.module.css';

export type GrantOutcome = { kind: 'ok' | 'error'; text: string };

const diamonds = (n: number) => `${n} Black Diamond${n === 1 ? '' : 's'}`;
export const memberName = (user: AdminUser) => user.artistName ?? user.fullName;

/**
 * Grant Black Diamonds to one member, in one line of the members table. The outcome goes to the
 * table's status line (onOutcome) so that the row keeps its height. A grant above
 * GRANT_CONFIRM_ABOVE is confirmed in a dialog naming the member and the amount first; the server
 * caps every grant at GRANT_MAX whatever the form does.
 */
export function GrantForm({ user, canAct, onOutcome }: { user: AdminUser; canAct: boolean; onOutcome: (outcome: GrantOutcome | null) => void }) {
  const queryClient = useQueryClient();
  const grant = useMutation(grantDiamondsMutationOptions(queryClient));
  const [amount, setAmount] = useState('1');
  const [invalid, setInvalid] = useState(false);
  const [confirming, setConfirming] = useState<number | null>(null);

  const send = (value: number) => {
    setConfirming(null);
    grant.mutate(
      { userId: user.id, amount: value },
      {
        onSuccess: (result) => onOutcome({ kind: 'ok', text: `Granted ${diamonds(result.amount)} to ${memberName(user)}: balance ${result.blackDiamonds}.` }),
        onError: (error) => onOutcome({ kind: 'error', text: `${memberName(user)}: ${error.message}` }),
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = grantDiamondsSchema.safeParse({ amount: amount.trim() === '' ? Number.NaN : Number(amount) });
    if (!parsed.success) {
      setInvalid(true);
      onOutcome({ kind: 'error', text: `${memberName(user)}: ${parsed.error.issues[0]?.message ?? 'check the amount'}` });
      return;
    }
    setInvalid(false);
    onOutcome(null);
    if (parsed.data.amount > GRANT_CONFIRM_ABOVE) setConfirming(parsed.data.amount);
    else send(parsed.data.amount);
  };

  return (
    <form className={styles.grant} onSubmit={submit} noValidate aria-label={`Grant Black Diamonds to ${memberName(user)}`}>
      <input
        className="input"
        type="number"
        inputMode="numeric"
        min={GRANT_MIN}
        max={GRANT_MAX}
        step={1}
        value={amount}
        onChange={(e) => { setAmount(e.target.value); setInvalid(false); }}
        disabled={!canAct}
        aria-label="Black Diamonds to grant"
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? 'grant-status' : undefined}
        data-testid="grant-amount"
      />
      <button type="submit" className="button" disabled={!canAct || grant.isPending} data-testid="grant-button">
        {grant.isPending ? 'Granting…' : 'Grant ◆'}
      </button>
      <ConfirmDialog
        open={confirming !== null}
        title={`Grant ${diamonds(confirming ?? 0)}?`}
        confirmLabel={`Grant ${confirming ?? 0} ◆`}
        onConfirm={() => confirming !== null && send(confirming)}
        onCancel={() => setConfirming(null)}
      >
        <p data-testid="grant-confirm-text">
          <strong>{memberName(user)}</strong> ({user.email}) has {diamonds(user.blackDiamonds)}. After this grant: {user.blackDiamonds + (confirming ?? 0)}.
        </p>
      </ConfirmDialog>
    </form>
  );
}
