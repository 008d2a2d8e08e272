import { useBerth } from './store';
import { ContainersPanel } from './panels/containers/ContainersPanel';

export function App() {
  const panel = useBerth((s) => s.panel);
  return <main className="app">{panel === 'containers' && <ContainersPanel />}</main>;
}
