// The bench page: the library's real VirtualTrackList (and its CSS) over N synthetic tracks.
// Bundled by esbuild with next/link replaced by a plain anchor (no Next router in a bare page).
import { createRoot } from 'react-dom/client';
import { VirtualTrackList } from '@/components/library/virtual-track-list';
import { syntheticTracks } from '../../../unit/search/support/synthetic-tracks';

const count = Number(new URLSearchParams(location.search).get('n') ?? '1000');
const tracks = syntheticTracks(count);
const source = { count: tracks.length, at: (i: number) => tracks[i] };

function Page() {
  return (
    <main style={{ width: 'min(1200px, 100%)', margin: '0 auto', padding: 16 }}>
      <h1>Promo pool</h1>
      <div style={{ height: 120 }}>filters</div>
      <VirtualTrackList source={source} label="Tracks" />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<Page />);
(window as unknown as { benchReady: boolean }).benchReady = true;
