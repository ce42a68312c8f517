import type { AnchorHTMLAttributes } from 'react';

/** Stand-in for next/link in the bench bundle: the same anchor, without client-side routing. */
export default function Link({ href, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a href={href} {...rest} />;
}
