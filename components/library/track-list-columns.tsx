import styles from './library.module.css';

/**
 * The names of the track list's columns, on the rows' own grid (with the room of the play and
 * download buttons on each side), so a DJ knows which number is the BPM and which the key.
 * Hidden from screen readers: each row's cells carry their own names (titles, units).
 */
export function TrackListColumns() {
  return (
    <div className={styles.columns} aria-hidden data-testid="track-columns">
      <span className={styles.columnsPlayRoom} />
      <span className={styles.headRow}>
        <span />
        <span>Title · Artist</span>
        <span className={styles.genre}>Genre</span>
        <span>BPM</span>
        <span>Key</span>
        <span className={styles.energy}>Energy</span>
        <span className={styles.rating}>Rating</span>
        <span className={styles.vip} />
      </span>
      <span className={styles.columnsDownloadRoom} />
    </div>
  );
}
