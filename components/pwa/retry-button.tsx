'use client';

/** Loads the same address again: the console when the server answers, this page when not. */
export function RetryButton() {
  return (
    <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
      Try again
    </button>
  );
}
