/** What the last action on a page said: its outcome, or the error that stopped it. */
export function Outcome({ status, error }: { status: string | null; error: string | null }) {
  return (
    <>
      {status && (
        <p role="status" className="hint">
          {status}
        </p>
      )}
      {error && (
        <p className="panel-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
