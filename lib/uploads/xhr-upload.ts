'use client';
// One file to POST /api/uploads with XMLHttpRequest: fetch has no upload progress.
import { ApiClientError } from '@/lib/api/client';
import { isApiErrorBody } from '@/lib/api/errors';
import type { UploadFormat, UploadPurpose } from './formats';

export interface UploadAnswer {
  receipt: string;
  kind: UploadPurpose;
  format: UploadFormat;
  contentType: string;
  size: number;
}

export interface UploadHandle {
  readonly done: Promise<UploadAnswer>;
  abort(): void;
}

export class UploadCancelledError extends Error {
  constructor() {
    super('Upload cancelled');
    this.name = 'UploadCancelledError';
  }
}

export function sendUpload(file: Blob, filename: string, kind: UploadPurpose, onProgress: (loaded: number, total: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadAnswer>((resolve, reject) => {
    xhr.open('POST', `/api/uploads?kind=${kind}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: answered below by status
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) return resolve(body as UploadAnswer);
      if (isApiErrorBody(body)) return reject(new ApiClientError(body.error.code, body.error.message, xhr.status));
      reject(new ApiClientError('upstream_unavailable', `The server answered ${xhr.status}`, xhr.status));
    };
    xhr.onerror = () => reject(new ApiClientError('network', 'The upload was interrupted: check the connection and retry', 0));
    xhr.onabort = () => reject(new UploadCancelledError());
    const form = new FormData();
    form.append('file', file, filename);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
