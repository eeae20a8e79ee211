import { Download } from 'lucide-react';
import { useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { Button } from '../../components/ui/button';
import { downloadExport } from '../../lib/download-export';

/** A small outline button that downloads one admin export (see `downloadExport` for why not a link). */
export function ExportDownload({ file, children }: { file: string; children: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadExport(file);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="outline" size="sm" onClick={start} disabled={busy} aria-busy={busy}>
        <Download aria-hidden="true" />
        {children}
      </Button>
      {error !== null && <ErrorMessage error={error} />}
    </>
  );
}
