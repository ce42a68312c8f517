/**
 * An ISRC as people read and type it: "FRZ032500001" → "FR-Z03-25-00001" (country, registrant,
 * year, designation). Stored without dashes (lib/domain/track-metadata.ts); anything that is not a
 * 12-character ISRC is shown as it is, so a legacy value is never hidden or mangled.
 */
export function formatIsrc(isrc: string): string {
  const compact = isrc.replace(/[\s-]/g, '').toUpperCase();
  const parts = /^([A-Z]{2})([A-Z0-9]{3})(\d{2})(\d{5})$/.exec(compact);
  return parts ? parts.slice(1).join('-') : isrc;
}
