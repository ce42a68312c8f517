import { catalogueVersion, listCatalogue } from '@/lib/base44';
import { conditionalJson } from '@/lib/api/conditional';
import { route } from '@/lib/api/route';

// The last body served, by version: a hundred members downloading the same catalogue cost one
// serialisation, not a hundred.
let lastBody: { key: string; json: string } | null = null;

// GET /api/catalogue - every approved track { tracks, generatedAt }, for the client's offline index; ETag → 304
export const GET = route({}, async ({ auth, req }) => {
  const catalogue = await listCatalogue(auth.base44Token, { signal: req.signal });
  const version = catalogueVersion(catalogue) ?? 'unversioned';
  const key = `${version}@${catalogue.generatedAt}`;
  return conditionalJson(req, `W/"${version}"`, () => {
    if (lastBody?.key !== key) lastBody = { key, json: JSON.stringify(catalogue) };
    return lastBody.json;
  });
});
