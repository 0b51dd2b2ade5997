/** The message under a field; the input points at it with aria-describedby. */
export function FieldErrorText({ id, text }: { id: string; text: string | null }) {
  if (!text) return null;
  return (
    <p id={id} className="field-error" data-testid="field.error">
      {text}
    </p>
  );
}
