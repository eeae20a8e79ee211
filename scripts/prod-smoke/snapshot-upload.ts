// An operator's holder list of a million rows, through the load balancer's upload route: the file is
// written to disk a chunk at a time while it is hashed (never held whole), declared with
// admin.snapshots.begin, streamed as the request body, and its import followed with
// campaign.snapshot.progress until the upload answers with the active snapshot.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { request } from 'node:http';
import bs58 from 'bs58';
import { fail, step, trpc } from './http';

interface Progress {
  snapshotId: string;
  status: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
}

/**
 * `rows` distinct Solana holder addresses (base58 of 32 bytes; the first three bytes count the row,
 * so no two are alike) with an amount each. Answers the file's SHA-256 and size.
 */
async function writeHolderCsv(path: string, rows: number): Promise<{ sha256: string; bytes: number }> {
  const out = createWriteStream(path);
  const hash = createHash('sha256');
  const key = randomBytes(32);
  const write = (text: string) => {
    hash.update(text);
    return out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  };
  await write('wallet,chain,amount\n');
  for (let from = 0; from < rows; from += 10_000) {
    let chunk = '';
    for (let i = from; i < Math.min(rows, from + 10_000); i += 1) {
      key[0] = i & 255;
      key[1] = (i >> 8) & 255;
      key[2] = (i >> 16) & 255;
      chunk += `${bs58.encode(key)},sol,${(i % 97) + 1}\n`;
    }
    await write(chunk);
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return { sha256: hash.digest('hex'), bytes: statSync(path).size };
}

/** POSTs the file with its Content-Length, as a browser sends a chosen file; answers status and body. */
function postFile(
  url: string,
  path: string,
  bytes: number,
  token: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': bytes },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    createReadStream(path).on('error', reject).pipe(req);
  });
}

export async function uploadSnapshot(
  base: string,
  admin: { token: string },
  campaignId: number,
  options: { path: string; rows: number },
): Promise<{ seconds: number; bytes: number; progress: Progress }> {
  const file = await writeHolderCsv(options.path, options.rows);
  step(
    `a ${options.rows.toLocaleString('en')}-row holder CSV (${(file.bytes / 1_048_576).toFixed(1)} MB) is written`,
  );
  const begun = await trpc<{ reused: boolean; progress: Progress }>(base, 'admin.snapshots.begin', {
    mutation: true,
    token: admin.token,
    input: { campaignId, network: 'sol', fileSha256: file.sha256, bytes: file.bytes },
  });
  if (begun.reused || begun.progress.status !== 'importing') {
    fail(`admin.snapshots.begin answered ${JSON.stringify(begun)} for a new file`);
  }
  const { snapshotId } = begun.progress;
  const started = performance.now();
  const upload = postFile(
    `${base}/admin/snapshots/${snapshotId}/upload`,
    options.path,
    file.bytes,
    admin.token,
  );
  let finished = false;
  const watched = upload.finally(() => {
    finished = true;
  });
  // The operator's view while the import runs: the progress the console polls every 2 s (printed
  // every 10 s).
  const seen: number[] = [];
  let printed = 0;
  while (!finished) {
    await Promise.race([watched.catch(() => {}), new Promise((r) => setTimeout(r, 2_000))]);
    if (finished) break;
    const now = await trpc<Progress>(base, 'campaign.snapshot.progress', {
      token: admin.token,
      input: { snapshotId },
    });
    // `active` may be seen just before the upload's answer arrives; anything else is a failed import.
    if (now.status !== 'importing' && now.status !== 'active') {
      fail(`the snapshot became ${now.status} during its upload`);
    }
    seen.push(now.rowsRead);
    const elapsed = (performance.now() - started) / 1000;
    if (elapsed - printed >= 10) {
      printed = elapsed;
      step(`  import progress: ${now.rowsRead.toLocaleString('en')} rows read after ${elapsed.toFixed(0)} s`);
    }
  }
  const answer = await upload;
  const seconds = (performance.now() - started) / 1000;
  if (answer.status !== 200) fail(`the upload answered ${answer.status}: ${answer.body.slice(0, 500)}`);
  const progress = JSON.parse(answer.body) as Progress;
  if (progress.status !== 'active' || progress.rowsAccepted !== options.rows || progress.rowsRejected !== 0) {
    fail(`the upload ended ${JSON.stringify(progress).slice(0, 500)}`);
  }
  // A large file takes long enough that the console must have seen the import under way.
  const underWay = seen.some((rows) => rows > 0) || options.rows < 100_000;
  if (seen.some((rows, i) => i > 0 && rows < (seen[i - 1] ?? 0)) || !underWay) {
    fail(`the import's progress was not seen moving forward: ${seen.join(', ')}`);
  }
  const after = await trpc<Progress>(base, 'campaign.snapshot.progress', {
    token: admin.token,
    input: { snapshotId },
  });
  if (after.status !== 'active' || after.rowsAccepted !== options.rows) {
    fail(`campaign.snapshot.progress after the upload: ${JSON.stringify(after).slice(0, 500)}`);
  }
  return { seconds, bytes: file.bytes, progress };
}
