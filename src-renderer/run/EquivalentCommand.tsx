// Under the form: the live `docker run` line with a Copy button, and the reverse — paste a line to fill
// the form. What the paste could not carry (unknown flags, flags the form lacks, problems) is listed.
import { Check, ClipboardPaste, Copy, TriangleAlert, X } from 'lucide-react';
import { useId, useState } from 'react';
import { parseDockerRunCommand, type ParsedRunCommand } from '../../src-main/shared/run';
import { copyText } from '../ui/clipboard';

export interface PasteReport {
  unknownFlags: string[];
  unsupportedFlags: string[];
  notes: string[];
}

export const hasPasteReport = (report: PasteReport | undefined): report is PasteReport =>
  !!report && report.unknownFlags.length + report.unsupportedFlags.length + report.notes.length > 0;

interface EquivalentCommandProps {
  line: string;
  onPaste: (parsed: ParsedRunCommand) => void;
}

export function EquivalentCommand({ line, onPaste }: EquivalentCommandProps) {
  const [copied, setCopied] = useState(false);
  const [copyError, setCopyError] = useState<string>();
  const [pasting, setPasting] = useState(false);
  const [pasted, setPasted] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const pasteId = useId();

  const copy = async () => {
    try {
      await copyText(line);
      setCopyError(undefined);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch (err) {
      setCopyError(err instanceof Error ? err.message : String(err));
    }
  };

  const fill = () => {
    const parsed = parseDockerRunCommand(pasted);
    // A line with no image (or no run at all) fills nothing: say why and keep what the form has.
    if (!parsed.spec.image) {
      setProblems(parsed.problems.length ? parsed.problems : ['No image found in that line.']);
      return;
    }
    setProblems(parsed.problems);
    onPaste(parsed);
    if (!parsed.problems.length) {
      setPasting(false);
      setPasted('');
    }
  };

  return (
    <section className="run-command" aria-label="Equivalent command">
      <div className="run-command-head">
        <span className="field-label">Equivalent command</span>
        <span className="spacer" />
        <button type="button" className="btn btn-compact btn-ghost" onClick={() => setPasting((v) => !v)} aria-expanded={pasting}>
          <ClipboardPaste aria-hidden /> Paste docker run…
        </button>
        <button type="button" className="btn btn-compact" onClick={() => void copy()} aria-label="Copy command">
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />} {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <code className="run-command-line selectable" aria-label="docker run command" data-testid="run-command-line">
        {line}
      </code>
      {copyError && <div className="field-error">{copyError}</div>}
      {pasting && (
        <div className="run-paste">
          <label htmlFor={pasteId} className="field-label">
            Paste a docker run line
          </label>
          <textarea
            id={pasteId}
            className="textarea"
            rows={3}
            spellCheck={false}
            value={pasted}
            placeholder="docker run -d -p 8080:80 --name web fixture/nginx"
            onChange={(e) => setPasted(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) fill();
            }}
          />
          {problems.length > 0 && (
            <div className="alert alert-error" role="alert">
              <TriangleAlert aria-hidden />
              <div>
                {problems.map((p) => (
                  <div key={p}>{p}</div>
                ))}
              </div>
            </div>
          )}
          <div className="run-paste-actions">
            <button type="button" className="btn btn-compact btn-ghost" onClick={() => setPasting(false)}>
              <X aria-hidden /> Cancel
            </button>
            <button type="button" className="btn btn-compact btn-primary" onClick={fill} disabled={!pasted.trim()}>
              Fill the form
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

export function PasteReportView({ report, onDismiss }: { report: PasteReport; onDismiss: () => void }) {
  return (
    <div className="alert alert-warn run-paste-report" role="region" aria-label="What the pasted line could not fill">
      <TriangleAlert aria-hidden />
      <div className="run-paste-report-body">
        {report.unknownFlags.length > 0 && (
          <div>
            <strong>Unknown flags, ignored:</strong> <span className="mono">{report.unknownFlags.join('  ')}</span>
          </div>
        )}
        {report.unsupportedFlags.length > 0 && (
          <div>
            <strong>Docker flags this form does not set, not carried over:</strong>{' '}
            <span className="mono">{report.unsupportedFlags.join('  ')}</span>
          </div>
        )}
        {report.notes.map((note) => (
          <div key={note}>{note}</div>
        ))}
      </div>
      <button type="button" className="icon-btn" aria-label="Dismiss" onClick={onDismiss}>
        <X />
      </button>
    </div>
  );
}
