import type { Metadata } from 'next';
import { DecksView } from '@/components/decks/decks-view';

export const metadata: Metadata = { title: 'Decks' };

export default function ConsolePage() {
  return <DecksView />;
}
