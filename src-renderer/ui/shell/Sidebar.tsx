// The left rail: wordmark, the panels that exist, the engine switcher (only with several engines),
// and the theme switch.
import { Anchor, Container, Layers } from 'lucide-react';
import { useBerth } from '../../store';
import type { PanelId } from '../../store/ui-slice';
import { PaletteButton } from '../palette/PaletteButton';
import { ThemeSwitch } from './ThemeSwitch';

const panels: { id: PanelId; label: string; Icon: typeof Container }[] = [
  { id: 'containers', label: 'Containers', Icon: Container },
  { id: 'images', label: 'Images', Icon: Layers },
];

function useContainerCount(): number | undefined {
  return useBerth((s) => {
    const entry = s.selectedEngineId ? s.containers[s.selectedEngineId] : undefined;
    return entry?.load === 'ready' ? Object.keys(entry.byId).length : undefined;
  });
}

function EngineSwitcher() {
  const engineOrder = useBerth((s) => s.engineOrder);
  const engines = useBerth((s) => s.engines);
  const selected = useBerth((s) => s.selectedEngineId);
  const selectEngine = useBerth((s) => s.selectEngine);
  const containers = useBerth((s) => s.containers);
  if (engineOrder.length < 2) return null;
  return (
    <div className="sidebar-section">
      <div className="sidebar-heading" id="engine-switcher-label">
        Engines
      </div>
      <div role="radiogroup" aria-labelledby="engine-switcher-label" className="sidebar-list">
        {engineOrder.map((id) => {
          const engine = engines[id];
          return (
            <button
              key={id}
              type="button"
              role="radio"
              aria-checked={id === selected}
              className="sidebar-item"
              title={`${engine.endpoint} (${engine.state})`}
              onClick={() => selectEngine(id)}
            >
              <span className={`status-dot status-dot-${engine.state}`} aria-hidden />
              <span className="sidebar-item-label">{engine.name}</span>
              {containers[id]?.load === 'ready' && (
                <span className="sidebar-count" title="Containers on this engine">
                  {Object.keys(containers[id].byId).length}
                </span>
              )}
            </button>
          );
        })}
      </div>
    </div>
  );
}

export function Sidebar() {
  const panel = useBerth((s) => s.panel);
  const setPanel = useBerth((s) => s.setPanel);
  const containerCount = useContainerCount();
  return (
    <aside className="sidebar" aria-label="Sidebar">
      <div className="wordmark">
        <span className="wordmark-logo" aria-hidden>
          <Anchor />
        </span>
        <span className="wordmark-text">Berth</span>
      </div>
      <PaletteButton />
      <nav aria-label="Panels" className="sidebar-section">
        <div className="sidebar-list">
          {panels.map(({ id, label, Icon }) => (
            <button
              key={id}
              type="button"
              className="sidebar-item"
              aria-current={panel === id ? 'page' : undefined}
              onClick={() => setPanel(id)}
            >
              <Icon aria-hidden />
              <span className="sidebar-item-label">{label}</span>
              {id === 'containers' && containerCount !== undefined && <span className="sidebar-count">{containerCount}</span>}
            </button>
          ))}
        </div>
      </nav>
      <EngineSwitcher />
      <div className="sidebar-footer">
        <ThemeSwitch />
      </div>
    </aside>
  );
}
