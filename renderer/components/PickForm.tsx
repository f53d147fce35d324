/** A form that picks one of `options` and submits it (merging an entity or a tag into another). */
export function PickForm({
  label,
  prompt,
  options,
  value,
  onChange,
  button,
  onSubmit,
}: {
  label: string;
  /** the empty first choice, shown as "prompt…" */
  prompt: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  value: string;
  onChange: (value: string) => void;
  button: string;
  onSubmit: () => void;
}) {
  return (
    <form
      className="form-row"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{prompt}…</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <button type="submit" disabled={!value}>
        {button}
      </button>
    </form>
  );
}
