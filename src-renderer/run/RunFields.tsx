// Labelled form controls for the run dialog. Each has a visible label named after what its flag means,
// its flag as a quiet hint, and its error (or warning) right beneath it, tied with aria-describedby.
import { TriangleAlert } from 'lucide-react';
import { useId, type ReactNode } from 'react';

interface FieldShellProps {
  label: string;
  flag?: string;
  error?: string;
  warning?: string;
  hint?: ReactNode;
  wide?: boolean;
  children: (ids: { inputId: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

export function FieldShell({ label, flag, error, warning, hint, wide, children }: FieldShellProps) {
  const inputId = useId();
  const messageId = `${inputId}-message`;
  const hintId = `${inputId}-hint`;
  const describedBy = [error || warning ? messageId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field run-field${wide ? ' run-field-wide' : ''}`}>
      <div className="run-field-head">
        <label htmlFor={inputId}>{label}</label>
        {flag && <span className="run-flag mono" aria-hidden>{flag}</span>}
      </div>
      {children({ inputId, describedBy, invalid: !!error })}
      {error ? (
        <div id={messageId} className="field-error" role="alert">
          {error}
        </div>
      ) : warning ? (
        <div id={messageId} className="run-field-warning">
          <TriangleAlert aria-hidden /> {warning}
        </div>
      ) : null}
      {hint && (
        <div id={hintId} className="run-field-hint">
          {hint}
        </div>
      )}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  flag?: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string;
  warning?: string;
  hint?: ReactNode;
  placeholder?: string;
  wide?: boolean;
  mono?: boolean;
  list?: string;
  inputMode?: 'text' | 'decimal' | 'numeric';
}

export function TextField({ label, flag, value, onChange, onBlur, error, warning, hint, placeholder, wide, mono, list, inputMode }: TextFieldProps) {
  return (
    <FieldShell label={label} flag={flag} error={error} warning={warning} hint={hint} wide={wide}>
      {({ inputId, describedBy, invalid }) => (
        <input
          id={inputId}
          className={`input${mono ? ' mono' : ''}`}
          value={value}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          list={list}
          inputMode={inputMode}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
        />
      )}
    </FieldShell>
  );
}

interface ListFieldProps extends Omit<TextFieldProps, 'list' | 'inputMode' | 'mono'> {
  rows?: number;
  actions?: ReactNode;
}

/** One entry per line, like the repeated flag it stands for. */
export function ListField({ label, flag, value, onChange, onBlur, error, warning, hint, placeholder, wide, rows = 1, actions }: ListFieldProps) {
  const lineCount = value.split('\n').length;
  return (
    <FieldShell label={label} flag={flag} error={error} warning={warning} hint={hint} wide={wide}>
      {({ inputId, describedBy, invalid }) => (
        <div className="run-list">
          <textarea
            id={inputId}
            className="textarea run-textarea"
            value={value}
            placeholder={placeholder}
            rows={Math.min(8, Math.max(rows, lineCount))}
            spellCheck={false}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
            onBlur={onBlur}
          />
          {actions && <div className="run-list-actions">{actions}</div>}
        </div>
      )}
    </FieldShell>
  );
}

interface CheckFieldProps {
  label: string;
  flag?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  warning?: string;
  error?: string;
}

export function CheckField({ label, flag, checked, onChange, warning, error }: CheckFieldProps) {
  const id = useId();
  return (
    <div className="run-check">
      <label className="checkbox">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={warning || error ? id : undefined} />
        {label}
        {flag && <span className="run-flag mono" aria-hidden>{flag}</span>}
      </label>
      {error ? (
        <div id={id} className="field-error" role="alert">
          {error}
        </div>
      ) : (
        warning && (
          <div id={id} className="run-field-warning">
            <TriangleAlert aria-hidden /> {warning}
          </div>
        )
      )}
    </div>
  );
}

interface SelectFieldProps<V extends string> {
  label: string;
  flag?: string;
  value: V;
  options: { value: V; label: string; disabled?: boolean }[];
  onChange: (value: V) => void;
  error?: string;
  hint?: ReactNode;
}

export function SelectField<V extends string>({ label, flag, value, options, onChange, error, hint }: SelectFieldProps<V>) {
  return (
    <FieldShell label={label} flag={flag} error={error} hint={hint}>
      {({ inputId, describedBy, invalid }) => (
        <select
          id={inputId}
          className="select"
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value as V)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
