// System / light / dark. "System" follows the OS (theme.css's prefers-color-scheme block); the other
// two pin the theme through <html data-theme>.
import { Monitor, Moon, Sun } from 'lucide-react';
import { useEffect } from 'react';
import { useBerth } from '../../store';
import type { ThemePreference } from '../../store/ui-slice';

const choices: { value: ThemePreference; label: string; Icon: typeof Sun }[] = [
  { value: 'system', label: 'System theme', Icon: Monitor },
  { value: 'light', label: 'Light theme', Icon: Sun },
  { value: 'dark', label: 'Dark theme', Icon: Moon },
];

export function useApplyTheme(): void {
  const theme = useBerth((s) => s.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}

export function ThemeSwitch() {
  const theme = useBerth((s) => s.theme);
  const setTheme = useBerth((s) => s.setTheme);
  return (
    <div className="segmented" role="radiogroup" aria-label="Theme">
      {choices.map(({ value, label, Icon }) => (
        <button
          key={value}
          type="button"
          role="radio"
          aria-checked={theme === value}
          aria-label={label}
          title={label}
          className="segmented-item"
          onClick={() => setTheme(value)}
        >
          <Icon />
        </button>
      ))}
    </div>
  );
}
