import { useEffect, useState } from 'preact/hooks';

/** The app's pages, as paths under its base (`/app/`): reloading or sharing one works, the gateway serves them all. */
export type Page = 'dashboard' | 'access' | 'consents';

const BASE = import.meta.env.BASE_URL;
const PATHS: Record<Page, string> = { dashboard: BASE, access: `${BASE}access`, consents: `${BASE}consents` };

export function pathOf(page: Page): string {
  return PATHS[page];
}

function currentPage(): Page {
  const path = location.pathname.replace(/\/$/, '');
  return (Object.keys(PATHS) as Page[]).find((page) => PATHS[page].replace(/\/$/, '') === path) ?? 'dashboard';
}

const NAVIGATED = 'govhub:navigated';

export function navigate(page: Page): void {
  if (currentPage() === page) return;
  history.pushState(null, '', PATHS[page]);
  dispatchEvent(new Event(NAVIGATED));
}

/** The page in the address bar, following links and the back button. */
export function usePage(): Page {
  const [page, setPage] = useState(currentPage);
  useEffect(() => {
    const update = () => setPage(currentPage());
    addEventListener('popstate', update);
    addEventListener(NAVIGATED, update);
    return () => {
      removeEventListener('popstate', update);
      removeEventListener(NAVIGATED, update);
    };
  }, []);
  return page;
}
