'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ComponentProps } from 'react';

type IntentLinkProps = Omit<ComponentProps<typeof Link>, 'href' | 'prefetch'> & { href: string };

/**
 * A Link to another console screen that prefetches on intent (a pointer over it, a touch starting
 * on it, keyboard focus) instead of when it enters the viewport. The shell's links are on screen at
 * every start, so Next 16 would prefetch every one of them during start-up (≈0.4 s of main thread
 * at 4x CPU, and a request each); `prefetch={false}` alone would drop the hover prefetch too, hence
 * the handlers (the router skips a prefetch it already holds). Offline nothing changes: the worker
 * never keeps prefetches and warms the tabs' documents itself (lib/sw/README.md).
 */
export function IntentLink({ href, onPointerEnter, onTouchStart, onFocus, ...props }: IntentLinkProps) {
  const router = useRouter();
  const prefetch = () => router.prefetch(href);
  return (
    <Link
      {...props}
      href={href}
      prefetch={false}
      onPointerEnter={(event) => {
        onPointerEnter?.(event);
        prefetch();
      }}
      onTouchStart={(event) => {
        onTouchStart?.(event);
        prefetch();
      }}
      onFocus={(event) => {
        onFocus?.(event);
        prefetch();
      }}
    />
  );
}
