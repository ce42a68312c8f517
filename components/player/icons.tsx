// The transport icons (inline SVG: no icon font, nothing to fetch offline).
const PROPS = { viewBox: '0 0 24 24', width: 22, height: 22, 'aria-hidden': true, fill: 'currentColor' } as const;

export const PlayIcon = () => <svg {...PROPS}><path d="M7 4.5v15l13-7.5z" /></svg>;
export const PauseIcon = () => <svg {...PROPS}><path d="M6 4h4v16H6zM14 4h4v16h-4z" /></svg>;
export const NextIcon = () => <svg {...PROPS}><path d="M5 5v14l10-7zM16 5h3v14h-3z" /></svg>;
export const PreviousIcon = () => <svg {...PROPS}><path d="M19 5v14L9 12zM5 5h3v14H5z" /></svg>;
export const ShuffleIcon = () => (
  <svg {...PROPS} fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
    <path d="M16 3h5v5M4 20 21 3M21 16v5h-5M15 15l6 6M4 4l5 5" />
  </svg>
);
export const RepeatIcon = () => (
  <svg {...PROPS} fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
    <path d="M17 1l4 4-4 4" /><path d="M3 11V9a4 4 0 0 1 4-4h14" /><path d="M7 23l-4-4 4-4" /><path d="M21 13v2a4 4 0 0 1-4 4H3" />
  </svg>
);
export const VolumeIcon = () => (
  <svg {...PROPS} fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
    <path d="M11 5 6 9H2v6h4l5 4z" fill="currentColor" /><path d="M15.5 8.5a5 5 0 0 1 0 7M19 5a10 10 0 0 1 0 14" />
  </svg>
);
