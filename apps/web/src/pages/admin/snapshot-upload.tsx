import { type TNetwork, type TSnapshotProgress, ZNetwork } from '@puffy/contracts';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { ErrorMessage } from '../../components/error-message';
import { Table } from '../../components/ui/table';
import { useDocumentTitle } from '../../lib/document-title';
import { getCsrfToken } from '../../lib/session-token';
import { trpc } from '../../lib/trpc';

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
      const body = JSON.parse(xhr.responseText || '{}');
      if (xhr.status === 200) resolve(body as TSnapshotProgress);
      else reject(new Error(body?.error?.message ?? `The upload failed (${xhr.status}).`));
    };
    xhr.onerror = () => reject(new Error('The connection dropped during the upload; try again.'));
    xhr.send(file);
  });
}

const seconds = (s: number) => (s >= 90 ? `${Math.round(s / 60)} min` : `${Math.max(0, Math.round(s))} s`);

/** `campaigns/:id/snapshot`: upload a holder CSV and watch it import; earlier versions below. */
export default function SnapshotUploadPage() {
  useDocumentTitle('Holder snapshot · Admin');
  const campaignId = Number(useParams().id);
  const [network, setNetwork] = useState<TNetwork>('sol');
  const [file, setFile] = useState<File | null>(null);
  const [running, setRunning] = useState<{ snapshotId: string; started: number } | null>(null);
  const [bytes, setBytes] = useState({ sent: 0, total: 1 });
  const [result, setResult] = useState<TSnapshotProgress | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const begin = trpc.admin.snapshots.begin.useMutation();
  const history = trpc.admin.snapshots.list.useInfiniteQuery(
    { campaignId },
    { getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
  const live = trpc.campaign.snapshot.progress.useQuery(
    { snapshotId: running?.snapshotId ?? '' },
    { enabled: running !== null, refetchInterval: 1000 },
  );

  async function start() {
    if (!file) return;
    setFailure(null);
    setResult(null);
    setMessage(null);
    try {
      const sha = await fileSha256(file);
      const begun = await begin.mutateAsync({
        campaignId,
        network,
        fileSha256: sha,
        bytes: Math.max(1, file.size),
      });
      if (begun.reused) {
        setResult(begun.progress);
        setMessage('This exact file is already the active snapshot; nothing to import.');
        return;
      }
      setRunning({ snapshotId: begun.progress.snapshotId, started: Date.now() });
      const done = await sendSnapshotFile(begun.progress.snapshotId, file, (sent, total) =>
        setBytes({ sent, total }),
      );
      setResult(done);
    } catch (error) {
      setFailure(error);
    } finally {
      setRunning(null);
      void history.refetch();
    }
  }

  const shown = result ?? live.data ?? null;
  const elapsed = running ? (Date.now() - running.started) / 1000 : 0;
  const fraction = bytes.sent / bytes.total;
  return (
    <section className="card min-w-0 [overflow-wrap:anywhere]">
      <h1>Holder snapshot</h1>
      <p>
        A CSV of holders, one <code>wallet,chain[,amount]</code> per line; up to a million rows.
      </p>
      <label htmlFor="snapshot-network">Network</label>
      <select id="snapshot-network" value={network} onChange={(e) => setNetwork(e.target.value as TNetwork)}>
        {ZNetwork.options.map((n) => (
          <option key={n}>{n}</option>
        ))}
      </select>
      <label htmlFor="snapshot-file">CSV file</label>
      <input
        id="snapshot-file"
        className="block w-full min-w-0 max-w-full text-sm"
        type="file"
        accept=".csv,text/csv"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      <button
        type="button"
        className="button"
        disabled={!file || running !== null}
        onClick={() => void start()}
      >
        {running ? 'Importing…' : 'Import'}
      </button>
      {failure ? <ErrorMessage error={failure} /> : null}
      {message && <p role="status">{message}</p>}
      {shown && (
        <dl aria-label="Import progress" data-testid="snapshot-progress">
          <dt>Status</dt>
          <dd>{shown.status}</dd>
          <dt>Rows read</dt>
          <dd>{shown.rowsRead}</dd>
          <dt>Accepted</dt>
          <dd>{shown.rowsAccepted}</dd>
          <dt>Rejected</dt>
          <dd>{shown.rowsRejected}</dd>
          {running && elapsed > 0 && (
            <>
              <dt>Rate</dt>
              <dd>{Math.round(shown.rowsRead / elapsed)} rows/s</dd>
              <dt>Time left</dt>
              <dd>{fraction > 0 ? seconds((elapsed * (1 - fraction)) / fraction) : 'estimating…'}</dd>
            </>
          )}
        </dl>
      )}
      {shown && shown.errors.length > 0 && (
        <Table aria-label="Rejected rows">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {shown.errors.map((e) => (
              <tr key={e.line}>
                <td>{e.line}</td>
                <td>{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <h2>Versions</h2>
      <ul>
        {(history.data?.pages ?? [])
          .flatMap((page) => page.items)
          .map((s) => (
            <li key={s.snapshotId}>
              v{s.version} · {s.network} · {s.status} · {s.rowsAccepted} holders
            </li>
          ))}
      </ul>
      {history.hasNextPage && (
        <button
          type="button"
          disabled={history.isFetchingNextPage}
          onClick={() => void history.fetchNextPage()}
        >
          {history.isFetchingNextPage ? 'Loading…' : 'Show older versions'}
        </button>
      )}
    </section>
  );
}
