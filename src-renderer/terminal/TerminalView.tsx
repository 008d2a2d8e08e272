// A terminal tab in the workspace (or alone in a pop-out window): toolbar, the xterm surface, and the
// session's state around it — connecting, a note (attach/debug), an error in place, the exit code with
// Reconnect. Closing the tab unmounts this view, which closes the stream; main then ends the exec process.
import '@xterm/xterm/css/xterm.css';
import { Copy, Plus, RotateCw, Search, SlidersHorizontal, TriangleAlert, X } from 'lucide-react';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type MouseEvent } from 'react';
import { useBerth } from '../store';
import type { ViewComponentProps } from '../ui/workspace';
import { openTerminal } from './open-terminal';
import { TerminalContextMenu, type MenuItem } from './TerminalContextMenu';
import { TerminalController, type TerminalStatus } from './terminal-controller';
import { TerminalFindBar } from './TerminalFindBar';
import { endSummary, endTone, modeLabel, shortCommand, skippedSummary, type TerminalOptions, type TerminalViewProps } from './terminal-options';
import { TerminalOptionsForm } from './TerminalOptionsForm';
import './terminal.css';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
const keys = isMac ? { copy: '⌘C', paste: '⌘V', find: '⌘F' } : { copy: 'Ctrl+Shift+C', paste: 'Ctrl+Shift+V', find: 'Ctrl+Shift+F' };
const connecting: TerminalStatus = { phase: 'connecting', attempt: 0 };
const noSubscription = () => () => undefined;

function useTerminalStatus(controller: TerminalController | undefined): TerminalStatus {
  return useSyncExternalStore(controller?.subscribe ?? noSubscription, controller?.getStatus ?? (() => connecting));
}

function StatusBadge({ status }: { status: TerminalStatus }) {
  switch (status.phase) {
    case 'connecting':
      return (
        <span className="badge" role="status">
          <span className="spinner spinner-xs" aria-hidden /> Connecting
        </span>
      );
    case 'open':
      return (
        <span className="badge badge-ok" role="status">
          Connected
        </span>
      );
    case 'exited':
      return (
        <span className={`badge badge-${endTone(status.exitCode)}`} role="status">
          {status.exitCode === null ? 'Ended' : `Exit ${status.exitCode}`}
        </span>
      );
    case 'failed':
      return (
        <span className="badge badge-danger" role="status">
          Failed
        </span>
      );
  }
}

export function TerminalView({ view, active }: ViewComponentProps<TerminalViewProps>) {
  const { engineId, containerId, containerName } = view.props;
  const host = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const [controller, setController] = useState<TerminalController>();
  const [options, setOptions] = useState<TerminalOptions>(view.props.options);
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const [showOptions, setShowOptions] = useState(false);
  const [showFind, setShowFind] = useState(false);
  const [menu, setMenu] = useState<{ x: number; y: number }>();
  const [noteDismissed, setNoteDismissed] = useState(false);
  const status = useTerminalStatus(controller);

  useEffect(() => {
    const created = new TerminalController({ engineId, containerId });
    created.mount(host.current!);
    created.connect(optionsRef.current);
    setController(created);
    return () => created.dispose();
  }, [engineId, containerId]);

  useEffect(() => {
    if (!active || !controller) return;
    // A tab that was hidden had no size: fit now that it shows, then take the keyboard.
    requestAnimationFrame(() => {
      controller.fit();
      if (!showOptions && !showFind) controller.focus();
    });
  }, [active, controller, showOptions, showFind]);

  useEffect(() => {
    const element = root.current;
    const openFind = () => setShowFind(true);
    element?.addEventListener('berth-terminal-find', openFind);
    return () => element?.removeEventListener('berth-terminal-find', openFind);
  }, []);

  const reconnect = useCallback(
    (next: TerminalOptions = optionsRef.current) => {
      setOptions(next);
      optionsRef.current = next;
      setShowOptions(false);
      setNoteDismissed(false);
      controller?.connect(next);
      controller?.focus();
    },
    [controller],
  );

  const pasteFromClipboard = () => {
    controller?.pasteFromClipboard().catch(() =>
      useBerth.getState().pushToast('error', `The clipboard cannot be read here. Paste with ${keys.paste} instead.`),
    );
  };

  const onContextMenu = (e: MouseEvent) => {
    e.preventDefault();
    setMenu({ x: e.clientX, y: e.clientY });
  };

  const menuItems: MenuItem[] = controller
    ? [
        { label: 'Copy', shortcut: keys.copy, disabled: !controller.hasSelection(), run: () => void controller.copySelection().catch(() => undefined) },
        { label: 'Paste', shortcut: keys.paste, disabled: status.phase !== 'open', run: pasteFromClipboard },
        { label: 'Select all', run: () => controller.selectAll() },
        { label: 'Find…', shortcut: keys.find, run: () => setShowFind(true) },
        { label: 'Clear', run: () => controller.clear() },
      ]
    : [];

  const started = status.phase === 'open' || status.phase === 'exited' ? status.started : undefined;

  return (
    <div ref={root} className="terminal-view" data-renderer={controller?.renderer}>
      <div className="terminal-toolbar" role="toolbar" aria-label={`Terminal ${containerName}`}>
        <span className="badge badge-info">{modeLabel(options.mode)}</span>
        <span className="terminal-identity" title={started?.command}>
          <span className="terminal-container">{containerName}</span>
          {started && <span className="terminal-command mono">{shortCommand(started.command)}</span>}
          {started?.user && <span className="muted">as {started.user}</span>}
        </span>
        <StatusBadge status={status} />
        {status.phase === 'open' && status.skipped && (
          <span
            key={status.skipped.id}
            className="badge badge-warn terminal-skipped"
            title="Ctrl+C stopped a flood of output; its stale backlog was not drawn, only its last lines."
          >
            {skippedSummary(status.skipped.bytes)}
          </span>
        )}
        <span className="spacer" />
        <button type="button" className="icon-btn" aria-label="Copy selection" title={`Copy (${keys.copy})`} onClick={() => void controller?.copySelection().catch(() => undefined)}>
          <Copy />
        </button>
        <button type="button" className="icon-btn" aria-label="Find in terminal" title={`Find (${keys.find})`} aria-pressed={showFind} onClick={() => setShowFind((v) => !v)}>
          <Search />
        </button>
        <button type="button" className="icon-btn" aria-label="Terminal options" title="Options" aria-pressed={showOptions} onClick={() => setShowOptions((v) => !v)}>
          <SlidersHorizontal />
        </button>
        <button
          type="button"
          className="icon-btn"
          aria-label="New terminal tab"
          title="New tab"
          onClick={() => openTerminal({ engineId, id: containerId, name: containerName }, options, { newTab: true })}
        >
          <Plus />
        </button>
      </div>
      {showOptions && (
        <TerminalOptionsForm
          engineId={engineId}
          containerId={containerId}
          initial={options}
          submitLabel={status.phase === 'open' ? 'Restart session' : 'Start session'}
          onSubmit={(next) => reconnect(next)}
          onCancel={() => setShowOptions(false)}
        />
      )}
      {started?.note && !noteDismissed && (
        <div className="alert alert-info terminal-note" role="note">
          <span>{started.note}</span>
          <button type="button" className="icon-btn" aria-label="Dismiss note" onClick={() => setNoteDismissed(true)}>
            <X />
          </button>
        </div>
      )}
      {showFind && controller && <TerminalFindBar controller={controller} onClose={() => (setShowFind(false), controller.focus())} />}
      <div className="terminal-area" onContextMenu={onContextMenu}>
        <div ref={host} className="terminal-host" role="group" aria-label={`Terminal output ${containerName}`} />
        {status.phase === 'failed' && (
          <div className="terminal-overlay">
            <div className="alert alert-error terminal-error" role="alert">
              <TriangleAlert aria-hidden />
              <div>
                <strong>Could not open the terminal.</strong> {status.message}
                {status.detail && <div className="terminal-error-detail mono">{status.detail}</div>}
                <div className="terminal-error-actions">
                  <button type="button" className="btn btn-compact" onClick={() => reconnect()}>
                    <RotateCw aria-hidden /> Retry
                  </button>
                  <button type="button" className="btn btn-compact" onClick={() => setShowOptions(true)}>
                    <SlidersHorizontal aria-hidden /> Change options
                  </button>
                </div>
              </div>
            </div>
          </div>
        )}
      </div>
      {status.phase === 'exited' && (
        <div className="terminal-endbar" role="status" aria-label="Session ended">
          <span className={`badge badge-${endTone(status.exitCode)}`}>{endSummary(status)}</span>
          {status.exitCode !== null && status.reason && <span className="muted">{status.reason}</span>}
          <span className="spacer" />
          <button type="button" className="btn btn-compact btn-primary" onClick={() => reconnect()}>
            <RotateCw aria-hidden /> Reconnect
          </button>
        </div>
      )}
      {menu && <TerminalContextMenu x={menu.x} y={menu.y} items={menuItems} onClose={() => setMenu(undefined)} />}
    </div>
  );
}
