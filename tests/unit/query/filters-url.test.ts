import { describe, expect, it } from 'vitest';
import { trackListQuerySchema } from '@/lib/domain/track-query';
import { filtersFromParams } from '@/lib/query/filters-url';

// The browser reads the library's filters without zod; it must agree with the server's schema.
const agreeing = [
  '',
  'sort=rating',
  'sort=downloads&genre=Techno',
  'search=%20deep%20house%20&energy=high',
  'bpmMin=120&bpmMax=128',
  'bpmMin=40',
  'bpmMax=250',
  'key=8a',
  'key=12B&vipOnly=true',
  'vipOnly=false',
  'genre=Tech%20House&energy=low&bpmMin=100&key=1A&vipOnly=true&sort=rating&search=night',
];

describe('filtersFromParams', () => {
  it.each(agreeing)('reads %j as trackListQuerySchema does', (query) => {
    const params = new URLSearchParams(query);
    const raw = Object.fromEntries([...params].filter(([, v]) => v));
    const { page: _page, ...expected } = trackListQuerySchema.parse(raw);
    expect(filtersFromParams(params)).toEqual(expected);
  });

  it('reads "available offline", which only this device can answer (never sent to the server)', () => {
    expect(filtersFromParams(new URLSearchParams('offlineOnly=true&genre=Techno'))).toEqual({ pageSize: 50, sort: 'newest', genre: 'Techno', offlineOnly: true });
    expect(filtersFromParams(new URLSearchParams('offlineOnly=yes'))).toEqual({ pageSize: 50, sort: 'newest' });
  });

  it('drops what the schema would reject, keeping the rest', () => {
    expect(filtersFromParams(new URLSearchParams('genre=Polka&sort=loudest&bpmMin=30&bpmMax=300.5&key=13A&vipOnly=yes&energy=high'))).toEqual({
      pageSize: 50, sort: 'newest', energy: 'high',
    });
    // A min above the max: neither bound.
    expect(filtersFromParams(new URLSearchParams('bpmMin=130&bpmMax=120&genre=Techno'))).toEqual({ pageSize: 50, sort: 'newest', genre: 'Techno' });
    expect(filtersFromParams(new URLSearchParams(`search=${'x'.repeat(101)}`))).toEqual({ pageSize: 50, sort: 'newest' });
  });
});
