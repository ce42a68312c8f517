import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getSessionUser } from '@/lib/auth/session';
import { safeCallbackPath } from '@/lib/auth/callback-path';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(callbackPath);
  return <SignInForm callbackPath={callbackPath} />;
}
