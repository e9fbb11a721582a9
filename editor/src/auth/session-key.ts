/** The API key, kept in session storage: it lasts while the tab is open and never reaches disk. */

const KEY = 'baton.apiKey';

export function readApiKey(): string | null {
  return sessionStorage.getItem(KEY);
}

export function storeApiKey(key: string): void {
  sessionStorage.setItem(KEY, key);
}

export function clearApiKey(): void {
  sessionStorage.removeItem(KEY);
}
