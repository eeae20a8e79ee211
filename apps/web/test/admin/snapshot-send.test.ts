import { describe, expect, it } from 'vitest';
import { readUploadAnswer, SnapshotUploadError } from '../../src/pages/admin/snapshot-send';

const progress = {
  snapshotId: '0b7e5a52-6a4f-4a43-9a39-7f1c1d2b1a11',
  campaignId: 7,
  network: 'sol',
  version: 2,
  status: 'active',
  rowsRead: 3,
  rowsAccepted: 2,
  rowsRejected: 1,
  errors: [{ line: 3, reason: 'bad wallet' }],
  createdAt: '2026-11-23T00:00:00.000Z',
  activatedAt: '2026-11-23T00:00:05.000Z',
};

const failureOf = (status: number, text: string) => {
  try {
    readUploadAnswer(status, text);
  } catch (error) {
    if (error instanceof SnapshotUploadError) return error.failure;
    throw error;
  }
  throw new Error('the answer was accepted');
};

describe('the snapshot upload answer', () => {
  it('reads our final progress', () => {
    expect(readUploadAnswer(200, JSON.stringify(progress))).toEqual(progress);
  });

  it("keeps the server's refusal and its request id", () => {
    const body = {
      error: { message: 'That snapshot is not importing.', code: 'CONFLICT', requestId: 'req-9' },
    };
    expect(failureOf(409, JSON.stringify(body))).toEqual({
      kind: 'refused',
      message: 'That snapshot is not importing.',
      requestId: 'req-9',
    });
  });

  it('calls a proxy page, an empty body or a success that is not our shape unreadable', () => {
    expect(failureOf(502, '<html><h1>Bad Gateway</h1></html>')).toEqual({ kind: 'unreadable', status: 502 });
    expect(failureOf(413, '')).toEqual({ kind: 'unreadable', status: 413 });
    expect(failureOf(200, '<!doctype html><title>Login</title>')).toEqual({
      kind: 'unreadable',
      status: 200,
    });
    expect(failureOf(200, '{"rowsRead":"many"}')).toEqual({ kind: 'unreadable', status: 200 });
  });
});
