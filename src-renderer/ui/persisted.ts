// Small UI preferences (pane sizes, collapsed groups) kept in localStorage. Storage can be unavailable
// (private windows, quotas): then the default applies for this session.

export function readPreference<T>(key: string, fallback: T, isValid: (value: unknown) => value is T): T {
  try {
    const text = localStorage.getItem(`berth.${key}`);
    if (text === null) return fallback;
    const value: unknown = JSON.parse(text);
    return isValid(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

export function writePreference(key: string, value: unknown): void {
  try {
    localStorage.setItem(`berth.${key}`, JSON.stringify(value));
  } catch {
    // Not persisted; the value still applies until the page closes.
  }
}

export const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
export const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');
