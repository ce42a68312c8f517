import type { Role, UserType } from '@/lib/domain/enums';

declare module 'next-auth' {
  interface Session {
    user: {
      id: string;
      name: string | null;
      email: string | null;
      role: Role;
      userType: UserType;
    };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    base44Token: string;
    /** The ConsoleSession record this cookie belongs to (absent on cookies issued before sessions had ids). */
    sid?: string;
    uid: string;
    role: Role;
    userType: UserType;
  }
}
