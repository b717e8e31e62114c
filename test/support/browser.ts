import { existsSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** Debian's chromium: CI installs it (.ci/run); playwright-core never downloads a browser. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * `describe` for browser tests: CI must run them; a developer machine without chromium skips them, saying so.
 */
export function describeInBrowser(name: string, tests: () => void): void {
  if (existsSync(CHROMIUM) || process.env.CI) {
    describe(name, tests);
    return;
  }
  process.stdout.write(`${name}: skipped, no ${CHROMIUM} (apt-get install chromium)\n`);
  describe.skip(name, tests);
}

/** Headless chromium that resolves no name but this machine's: the browser reaches nothing beyond loopback. */
export function launchLoopbackChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'] });
}

/**
 * Web-first assertions for playwright-core (which has no test runner of its own): each polls the page until it
 * holds, and fails with what was last seen. Text is compared with whitespace collapsed, as a reader sees it.
 */
const TIMEOUT_MS = 10_000;

async function settle<T>(read: () => Promise<T>, holds: (value: T) => boolean, expectation: string): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    // A page that is navigating (a sign-in redirect) cannot be read for a moment: that is "not yet", not a failure.
    const seen = await read().then(
      (value) => ({ value }),
      (error: Error) => ({ error: error.message }),
    );
    if ('value' in seen && holds(seen.value)) return;
    if (Date.now() > deadline) throw new Error(`expected ${expectation}; last seen: ${JSON.stringify(seen)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const textOf = async (locator: Locator) => (await locator.allInnerTexts()).join(' ').replace(/\s+/g, ' ').trim();

/** The elements' text, all together, contains `text`. */
export function shows(locator: Locator, text: string): Promise<void> {
  return settle(
    () => textOf(locator),
    (value) => value.includes(text),
    `${locator} to contain ${JSON.stringify(text)}`,
  );
}

/** The elements' text is exactly `text`. */
export function reads(locator: Locator, text: string): Promise<void> {
  return settle(
    () => textOf(locator),
    (value) => value === text,
    `${locator} to read ${JSON.stringify(text)}`,
  );
}

export function counts(locator: Locator, count: number): Promise<void> {
  return settle(
    () => locator.count(),
    (value) => value === count,
    `${count} of ${locator}`,
  );
}

/** The page's `lang` attribute. */
export function inLanguage(page: Page, language: string): Promise<void> {
  return settle(
    () => page.evaluate<string>('document.documentElement.lang'),
    (value) => value === language,
    `<html lang="${language}">`,
  );
}
