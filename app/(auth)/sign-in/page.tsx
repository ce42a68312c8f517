import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getSessionUser } from '@/lib/auth/session';
import { ROLE_HOME, safeCallbackPath } from '@/lib/auth/callback-path';
import { homePathFor } from '@/lib/domain/home-path';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl);
  const user = await getSessionUser();
  if (user) redirect(callbackPath === ROLE_HOME ? homePathFor(user) : callbackPath);
  return <SignInForm callbackPath={callbackPath} />;
}
