export function DiamondIcon({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinejoin="round">
      <path d="M6 3h12l4 6-10 12L2 9z" fill="#111" />
      <path d="M2 9h20M12 21 8 9l4-6 4 6-4 12" />
    </svg>
  );
}
