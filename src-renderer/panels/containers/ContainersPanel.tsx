import { useMemo } from 'react';
import { useBerth } from '../../store';

export function ContainersPanel() {
  const engineId = useBerth((s) => s.selectedEngineId);
  const entry = useBerth((s) => (engineId ? s.containers[engineId] : undefined));
  const rows = useMemo(() => Object.values(entry?.byId ?? {}).sort((a, b) => a.name.localeCompare(b.name)), [entry]);
  return (
    <section aria-label="Containers">
      <h1>Containers</h1>
      <table>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <td>{c.name}</td>
              <td>{c.image}</td>
              <td>{c.state}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
