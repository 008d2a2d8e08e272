// System / light / dark. The resolved theme is always written to <html data-theme> ("system" follows
// the OS preference live), so theme.css defines each palette once, keyed on that attribute.
import { Monitor, Moon, Sun } from 'lucide-react';
import { useLayoutEffect } from 'react';
import { useBerth } from '../../store';
import type { ThemePreference } from '../../store/ui-slice';

const choices: { value: ThemePreference; label: string; Icon: typeof Sun }[] = [
  { value: 'system', label: 'System theme', Icon: Monitor },
  { value: 'light', label: 'Light theme', Icon: Sun },
  { value: 'dark', label: 'Dark theme', Icon: Moon },
];

const systemDark = () => window.matchMedia('(prefers-color-scheme: dark)');

/** Keeps <html data-theme> on "light" or "dark"; a layout effect, so the first paint has the right colours. */
export function useApplyTheme(): void {
  const theme = useBerth((s) => s.theme);
  useLayoutEffect(() => {
    const root = document.documentElement;
    if (theme !== 'system') {
      root.dataset.theme = theme;
      return;
    }
    const media = systemDark();
    const apply = () => (root.dataset.theme = media.matches ? 'dark' : 'light');
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
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
