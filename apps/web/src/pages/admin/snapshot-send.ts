import { type TSnapshotProgress, ZErrorData, ZSnapshotProgress } from '@puffy/contracts';
import { z } from 'zod';
import { getCsrfToken } from '../../lib/session-token';

const hex = (buffer: ArrayBuffer) =>
  Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');

/** The file's bytes through FileReader, which every browser (and jsdom) has. */
const bytesOf = (file: Blob) =>
  new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(file);
  });

/** SHA-256 of the raw bytes: the server checks the upload against it and skips a file already active. */
export const fileSha256 = async (file: Blob) =>
  hex(await crypto.subtle.digest('SHA-256', await bytesOf(file)));

/** The upload route answers an error with the same fields (code, request id, …) a tRPC procedure gives. */
const ZUploadRefusal = z.object({ error: ZErrorData.partial().extend({ message: z.string() }) });

/**
 * Why an upload did not finish, for the page to put in words: the server refused it (its message is
 * already for people), something between us answered what is not our JSON (a proxy's HTML error page,
 * a cut-off body), or the connection dropped.
 */
export type UploadFailure =
  | { kind: 'refused'; message: string; requestId: string | null }
  | { kind: 'unreadable'; status: number }
  | { kind: 'dropped' };

export class SnapshotUploadError extends Error {
  constructor(readonly failure: UploadFailure) {
    super(failure.kind === 'refused' ? failure.message : `Snapshot upload ${failure.kind}`);
    this.name = 'SnapshotUploadError';
  }
}

const parsedJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** Reads the route's answer without trusting it: only our own shapes count, anything else is unreadable. */
export function readUploadAnswer(status: number, text: string): TSnapshotProgress {
  const body = parsedJson(text);
  if (status === 200) {
    const progress = ZSnapshotProgress.safeParse(body);
    if (progress.success) return progress.data;
  } else {
    const refusal = ZUploadRefusal.safeParse(body);
    if (refusal.success) {
      const { message, requestId } = refusal.data.error;
      throw new SnapshotUploadError({ kind: 'refused', message, requestId: requestId ?? null });
    }
  }
  throw new SnapshotUploadError({ kind: 'unreadable', status });
}

/**
 * Sends the file as the raw request body (XHR, for upload progress) to the streamed upload route;
 * the server imports while it reads, so bytes sent tell how far the import is.
 */
export function sendSnapshotFile(
  snapshotId: string,
  file: Blob,
  onBytes: (sent: number, total: number) => void,
): Promise<TSnapshotProgress> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/admin/snapshots/${snapshotId}/upload`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'text/csv');
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => onBytes(e.loaded, e.total || file.size);
    xhr.onload = () => {
      try {
        resolve(readUploadAnswer(xhr.status, xhr.responseText));
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () => reject(new SnapshotUploadError({ kind: 'dropped' }));
    xhr.send(file);
  });
}
