import { NextResponse, type NextRequest } from 'next/server';
import { ApiError, type ApiErrorCode } from '@/lib/api/errors';
import { BodyTooLargeError, readBoundedBody } from '@/lib/http/bounded-body';
import { CSP_REPORT_MAX_BYTES, createReportLog, violationsOf } from '@/lib/security/csp-report';

// POST /api/csp-report - Content-Security-Policy violation reports (the documents' report-uri,
// lib/security/csp.ts) → 204, each violation one line in the server log. PUBLIC, and not through
// route(): the browser itself sends reports (no session needed, no Origin promised), and they must
// be heard on the sign-in screen too. What keeps it harmless: a 16 KiB body read as it streams, a
// process-wide budget of log lines a minute, nothing stored or answered back, never a 500.
const reportLog = createReportLog();
const ACCEPTED_TYPES = ['application/csp-report', 'application/reports+json', 'application/json'];

export async function POST(req: NextRequest): Promise<Response> {
  try {
    const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!ACCEPTED_TYPES.includes(type)) throw new ApiError('unsupported_media_type', 'Send a CSP report');
    // A browser sends a page's reports from the page's origin: a report another site makes its
    // visitors' browsers send is dropped unread.
    const site = req.headers.get('sec-fetch-site');
    if (site === 'cross-site' || site === 'same-site') return noContent();
    const bytes = await readBoundedBody(req, CSP_REPORT_MAX_BYTES);
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new ApiError('invalid_json', 'The report is not valid JSON');
    }
    reportLog.write(violationsOf(body));
    return noContent();
  } catch (error) {
    if (error instanceof BodyTooLargeError) return refuse('payload_too_large', 'The report is too large');
    if (error instanceof ApiError) return refuse(error.code, error.message);
    // A client that went away mid-body, or anything else: nothing to log, nothing to answer.
    return noContent();
  }
}

function noContent(): Response {
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}

function refuse(code: ApiErrorCode, message: string): Response {
  const error = new ApiError(code, message);
  return NextResponse.json(error.toBody(), {
    status: error.status,
    headers: { 'Cache-Control': 'no-store, no-transform' },
  });
}
