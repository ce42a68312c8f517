// next-auth's own endpoints: sign-in (credentials), sign-up (the `signup` provider), session, sign-out.
import { handleAuthEndpoint } from '@/lib/auth/endpoint';

export { handleAuthEndpoint as GET, handleAuthEndpoint as POST };
