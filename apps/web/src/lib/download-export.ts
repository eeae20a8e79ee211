import { getCsrfToken } from './session-token';

/** The file name the server gave (`content-disposition`), else the export's own name. */
function fileNameOf(response: Response, file: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(disposition)?.[1] ?? file;
}

/** The server's words for a refused download, or a plain sentence when it sent none. */
async function refusalOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string' && body.error.message) return body.error.message;
  } catch {
    // A proxy's HTML page, or no body: the sentence below says enough.
  }
  return 'The download was refused; reload the page and try again.';
}

/**
 * Downloads `/admin/exports/<file>` and saves it. The server refuses a cookie session's export without
 * the CSRF header (so a page on another site cannot spend the operator's export budget with a link),
 * and a plain link cannot send a header: the file comes through fetch and is saved from a blob.
 */
export async function downloadExport(file: string): Promise<void> {
  const token = getCsrfToken();
  const response = await fetch(`/admin/exports/${file}`, {
    credentials: 'same-origin',
    headers: token ? { 'x-csrf-token': token } : {},
  });
  if (!response.ok) throw new Error(await refusalOf(response));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, file);
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The browser has taken the file once the click is handled; the next task may let the blob go.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
