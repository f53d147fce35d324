/** A key's fingerprint set out to be read aloud: its groups of four apart, in two lines of four. */
export function Fingerprint({ value, label }: { value: string; label?: string }) {
  const groups = value.split(' ');
  const lines = [groups.slice(0, 4), groups.slice(4)].filter((l) => l.length > 0);
  return (
    <span className="fingerprint" aria-label={label ? `${label}: ${value}` : value} data-fingerprint={value}>
      {lines.map((line, i) => (
        <span key={i} className="fingerprint-line">
          {line.map((g, j) => (
            <span key={j} className="fingerprint-group">
              {g}
            </span>
          ))}
        </span>
      ))}
    </span>
  );
}
