import { redirect } from 'next/navigation';

/** A track of "My tracks" opens on its statistics. */
export default async function MyTrackPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  redirect(`/my-tracks/${encodeURIComponent(id)}/stats`);
}
