// Tag…: gives an image one more name. The name is checked as it is typed with the same image-reference
// grammar main checks again; a name that already points at another image is allowed (docker tag moves
// it) but said plainly first.
import { Tag, TriangleAlert } from 'lucide-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { parseTagTarget } from '../../../src-main/shared/images/tag-target';
import { ClientError } from '../../ipc/client';
import { Dialog } from '../../ui/Dialog';
import { addTag, errorMessage, rowTitle } from './image-actions';
import { shortImageId, type ImageRow } from './images.presentation';
import { useImagesView } from './view-store';

interface TagImageDialogProps {
  engineId: string;
  row: ImageRow;
  /** Every row of the engine, to tell when the new name already exists. */
  rows: readonly ImageRow[];
}

function suggestedName(row: ImageRow): string {
  return row.dangling ? '' : `${row.repository}:`;
}

export function TagImageDialog({ engineId, row, rows }: TagImageDialogProps) {
  const [value, setValue] = useState(() => suggestedName(row));
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<{ message: string; field: boolean } | undefined>();
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();
  const hintId = useId();
  const close = () => useImagesView.getState().closeDialog();

  // The dialog focuses the field; put the caret after the suggested "repository:" so typing adds the tag.
  useEffect(() => {
    const input = inputRef.current;
    input?.setSelectionRange(input.value.length, input.value.length);
  }, []);

  const parsed = parseTagTarget(value);
  const existing = parsed.ok ? rows.find((r) => r.reference === parsed.reference) : undefined;
  const alreadyHere = existing?.image.id === row.image.id;
  const localError = !parsed.ok ? parsed.error : alreadyHere ? `${parsed.reference} already names this image.` : undefined;
  const fieldError = (touched && localError) || (serverError?.field ? serverError.message : undefined);
  const image = row.dangling ? row.image.id : row.reference;

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    setTouched(true);
    if (localError || busy) return;
    setBusy(true);
    setServerError(undefined);
    try {
      await addTag(engineId, image, value);
      close();
    } catch (err) {
      const field = err instanceof ClientError && err.detail === 'field:target';
      setServerError({ message: errorMessage(err), field });
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`Tag ${rowTitle(row)}`}
      onClose={close}
      busy={busy}
      width={520}
      footer={
        <>
          <button type="button" className="btn" onClick={close} disabled={busy}>
            Cancel
          </button>
          <button type="submit" form={`${inputId}-form`} className="btn btn-primary" disabled={busy || (touched && !!localError)}>
            {busy ? <span className="spinner spinner-xs spinner-on-accent" aria-hidden /> : <Tag aria-hidden />}
            Add tag
          </button>
        </>
      }
    >
      <form id={`${inputId}-form`} className="field" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor={inputId}>New tag</label>
        <input
          ref={inputRef}
          id={inputId}
          className="input mono"
          value={value}
          spellCheck={false}
          autoComplete="off"
          placeholder="repository[:tag], e.g. myapp:1.0"
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={`${fieldError ? errorId : ''} ${hintId}`.trim()}
          onChange={(e) => {
            setValue(e.target.value);
            setServerError(undefined);
          }}
          onBlur={() => setTouched(true)}
        />
        {fieldError && (
          <span id={errorId} className="field-error">
            {fieldError}
          </span>
        )}
        <span id={hintId} className="img-field-hint">
          Image {shortImageId(row.image.id)}. Without a tag, Docker uses “latest”. A registry host goes first: 127.0.0.1:5001/myapp:1.0.
        </span>
      </form>
      {existing && !alreadyHere && (
        <div className="alert alert-warn" role="status">
          <TriangleAlert aria-hidden />
          <span>
            {parsed.ok && parsed.reference} now names image {shortImageId(existing.image.id)}. Tagging moves the name to this image; the other image
            keeps its other tags{existing.image.repoTags.length === 1 ? ' (it has none, so it becomes <none>)' : ''}.
          </span>
        </div>
      )}
      {serverError && !serverError.field && (
        <div className="alert alert-error" role="alert">
          <TriangleAlert aria-hidden />
          <span>{serverError.message}</span>
        </div>
      )}
    </Dialog>
  );
}
