import Link from 'next/link';
import { EmptyState } from '@/components/ui/states';

/** What a DJ sees on the producers' screens: why, and where to change it. */
export function ProducersOnly() {
  return (
    <div data-app-ready="true">
      <EmptyState title="Uploads are for producers">
        <p>
          Producers, DJ-producers and labels upload and manage their tracks here. If you produce, choose
          &ldquo;Producer&rdquo; or &ldquo;DJ &amp; producer&rdquo; in your <Link href="/profile">profile</Link>, then sign in again.
        </p>
      </EmptyState>
    </div>
  );
}
