import type { ReactNode } from 'react';

/** A labelled input whose message (a schema's or the server's) is tied to it for screen readers. */
export function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error: string | null;
  children: ReactNode;
}) {
  return (
    <div className="profile-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <p id={`${id}-error`} className="profile-field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
