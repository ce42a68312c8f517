import styles from './stats.module.css';

/**
 * The two play counts a producer sees, always named apart (issue #18: "Plays" read 784 on one
 * screen and 3 on another). Plays in DJ sets come from the sets DJs record (SessionTracks); the
 * catalogue's counter is the track's own play_count, kept by the SPYNNERS platform.
 */
export const PLAY_MEASURES = {
  sets: {
    label: 'Plays in DJ sets',
    column: 'In DJ sets',
    card: 'all time, in sets DJs recorded',
    hint: 'Times DJs played the track in a set they recorded in SPYNNERS (Sets): the plays behind the chart, venues and DJs.',
  },
  catalogue: {
    label: 'Catalogue plays',
    column: 'Catalogue',
    card: 'all time, the SPYNNERS catalogue’s counter',
    hint: 'Times members started the track in the SPYNNERS catalogue (library, previews, apps), as the platform counts them.',
  },
} as const;

/** What each count counts, said once under the figures that show them. */
export function PlayMeasuresLegend() {
  return (
    <dl className={styles.legend} data-testid="play-measures">
      {Object.values(PLAY_MEASURES).map((measure) => (
        <div key={measure.label}>
          <dt>{measure.label}</dt>
          <dd>{measure.hint}</dd>
        </div>
      ))}
    </dl>
  );
}
