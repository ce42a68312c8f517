// The promo pool's sort orders and page cap, without zod (the browser imports these).
export const TRACK_SORTS = ['newest', 'downloads', 'rating'] as const;
export type TrackSort = (typeof TRACK_SORTS)[number];

export const MAX_PAGE_SIZE = 100;
