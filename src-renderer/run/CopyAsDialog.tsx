// A container as text: the `docker run` line that makes it again, or a compose service. Image defaults
// are left out, and settings neither can carry are listed, so nothing is lost without saying.
import { Check, Copy, Info } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { SpecFromContainer } from '../../src-main/shared/contract/run';
import { formatRunCommandMultiline, runSpecToCompose } from '../../src-main/shared/run';
import { client, ClientError } from '../ipc/client';
import { copyText } from '../ui/clipboard';
import { Dialog } from '../ui/Dialog';
import type { ContainerRef } from './run-ui-store';
import './run.css';

type Format = 'run' | 'compose';
type Load = { state: 'loading' } | { state: 'ready'; value: SpecFromContainer } | { state: 'error'; message: string };

export function useContainerSpec(container: ContainerRef): Load {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    client.invoke('run.specFromContainer', { engineId: container.engineId, id: container.id }).then(
      (value) => live && setLoad({ state: 'ready', value }),
      (err: unknown) => live && setLoad({ state: 'error', message: err instanceof ClientError ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [container.engineId, container.id]);
  return load;
}

export function CopyAsDialog({ container, onClose }: { container: ContainerRef; onClose: () => void }) {
  const load = useContainerSpec(container);
  const [format, setFormat] = useState<Format>('run');
  const [copied, setCopied] = useState(false);
  const [copyError, setCopyError] = useState<string>();
  const text = load.state === 'ready' ? (format === 'run' ? formatRunCommandMultiline(load.value.spec) : runSpecToCompose(load.value.spec)) : '';

  const copy = async () => {
    try {
      await copyText(text);
      setCopied(true);
      setCopyError(undefined);
      setTimeout(() => setCopied(false), 1500);
    } catch (err) {
      setCopyError(err instanceof Error ? err.message : String(err));
    }
  };

  const footer = (
    <>
      {copyError && <span className="field-error run-footer-status">{copyError}</span>}
      <button type="button" className="btn" onClick={onClose}>
        Close
      </button>
      <button type="button" className="btn btn-primary" onClick={() => void copy()} disabled={load.state !== 'ready'}>
        {copied ? <Check aria-hidden /> : <Copy aria-hidden />} {copied ? 'Copied' : 'Copy'}
      </button>
    </>
  );

  return (
    <Dialog title={`Copy ${container.name} as…`} onClose={onClose} footer={footer} width={680}>
      <div className="tabs copy-tabs" role="tablist" aria-label="Format">
        {(
          [
            ['run', 'docker run'],
            ['compose', 'Compose service'],
          ] as const
        ).map(([value, label]) => (
          <button key={value} type="button" role="tab" className="tab" aria-selected={format === value} onClick={() => setFormat(value)}>
            {label}
          </button>
        ))}
      </div>
      {load.state === 'loading' && (
        <div className="run-busy" role="status">
          <span className="spinner spinner-xs" aria-hidden /> Reading {container.name}…
        </div>
      )}
      {load.state === 'error' && (
        <div className="alert alert-error" role="alert">
          {load.message}
        </div>
      )}
      {load.state === 'ready' && (
        <>
          <pre className="copy-text selectable" role="tabpanel" aria-label={format === 'run' ? 'docker run command' : 'Compose service'}>
            {text}
          </pre>
          {load.value.notCarried.length > 0 && (
            <div className="alert alert-info" role="note">
              <Info aria-hidden />
              <div>Not carried over: {load.value.notCarried.join(', ')}.</div>
            </div>
          )}
        </>
      )}
    </Dialog>
  );
}
