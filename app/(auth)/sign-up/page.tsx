import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { getSessionUser } from '@/lib/auth/session';
import { homePathFor } from '@/lib/domain/home-path';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage() {
  const user = await getSessionUser();
  if (user) redirect(homePathFor(user));
  return <SignUpForm />;
}
