// next-auth's own endpoints: sign-in (credentials), sign-up (the `signup` provider), session, sign-out.
import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions())(req, ctx);
}

export { handler as GET, handler as POST };
