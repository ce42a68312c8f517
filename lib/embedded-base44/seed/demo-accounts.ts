import type { Role, UserType } from '../../domain/enums';

export const DEMO_PASSWORD = 'spynners';

export interface DemoAccount {
  readonly email: string;
  readonly full_name: string;
  readonly artist_name: string;
  readonly role: Role;
  readonly user_type: UserType;
  readonly black_diamonds: number;
  readonly nationality: string;
  readonly bio: string;
  readonly preferred_genres: readonly string[];
}

const account = (a: Partial<DemoAccount> & Pick<DemoAccount, 'email' | 'full_name' | 'artist_name'>): DemoAccount => ({
  role: 'user',
  user_type: 'producer',
  black_diamonds: 0,
  nationality: 'FR',
  bio: '',
  preferred_genres: [],
  ...a,
});

/** Every demo account signs in with DEMO_PASSWORD. The first producer is "the" demo producer. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  account({
    email: 'dj@spynners.local', full_name: 'Demo DJ', artist_name: 'DJ Nova', user_type: 'dj',
    black_diamonds: 3, bio: 'Resident DJ testing promos between two gigs.',
    preferred_genres: ['Tech House', 'Melodic House & Techno', 'Afro House'],
  }),
  account({
    email: 'producer@spynners.local', full_name: 'Demo Producer', artist_name: 'Kaya Lune',
    bio: 'Deep and melodic house from Lyon.', preferred_genres: ['Deep House', 'Melodic House & Techno'],
  }),
  account({ email: 'producer2@spynners.local', full_name: 'Nolan Verne', artist_name: 'Nolan Verne', nationality: 'BE', bio: 'Warehouse techno.' }),
  account({ email: 'producer3@spynners.local', full_name: 'Aya Mori', artist_name: 'Aya Mori', user_type: 'dj_producer', nationality: 'JP', bio: 'Breaks, electronica and drum & bass.' }),
  account({ email: 'producer4@spynners.local', full_name: 'Dario Ventura', artist_name: 'Ventura', nationality: 'IT', bio: 'Disco edits and indie dance.' }),
  account({ email: 'admin@spynners.local', full_name: 'Demo Admin', artist_name: 'SPYNNERS Team', role: 'admin', user_type: 'label' }),
  account({ email: 'moderator@spynners.local', full_name: 'Demo Moderator', artist_name: 'Moderation', role: 'admin_readonly', user_type: 'listener' }),
];

export const isProducer = (a: DemoAccount) => a.user_type === 'producer' || a.user_type === 'dj_producer';
