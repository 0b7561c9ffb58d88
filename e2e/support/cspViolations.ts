// Collects every Content-Security-Policy violation of a page, its workers and their nested workers, three ways:
// - `securitypolicyviolation` events, in the page (an init script) and in the app's worker scripts (a line put
//   before the served script), forwarded through the console;
// - the reports the browser POSTs to a report-uri added to the worker scripts' policy: nested blob: workers (the
//   WASM threads) inherit their creator's policy, report-uri included, and no script of ours runs in them;
// - Chromium's own "Refused to …" console messages.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConsoleMessage, Page, Route } from '@playwright/test';

export interface Violation {
  /** Where it was seen: page, worker, report (report-uri) or console. */
  via: string;
  directive: string;
  blocked: string;
  source: string;
}

export interface CspWatch {
  violations: Violation[];
  /** Violations as one line each, for a readable assertion. */
  lines(): string[];
  close(): Promise<void>;
}

const MARK = 'csp-violation ';
// Runs in the page and in workers: both have `self` and the same event.
const LISTENER = `self.addEventListener('securitypolicyviolation', (e) => console.error(${JSON.stringify(MARK)} + JSON.stringify({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile + ':' + e.lineNumber })));\n`;

function readJson(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(parts).toString('utf8')));
      } catch {
        resolve(undefined);
      }
    });
  });
}

/** Report bodies: `{"csp-report": {...}}` from report-uri. */
function fromReport(body: unknown): Violation | undefined {
  if (typeof body !== 'object' || body === null || !('csp-report' in body)) return undefined;
  const report = (body as { 'csp-report': Record<string, unknown> })['csp-report'];
  const text = (key: string) => String(report[key] ?? '');
  return { via: 'report', directive: text('effective-directive') || text('violated-directive'), blocked: text('blocked-uri'), source: `${text('source-file')}:${text('line-number')}` };
}

/** Starts watching; call before the first navigation. The app is served by `origin`. */
export async function watchCsp(page: Page, origin: string): Promise<CspWatch> {
  const violations: Violation[] = [];
  const server = createServer((request, response) => {
    void readJson(request).then((body) => {
      const violation = fromReport(body);
      if (violation) violations.push(violation);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const reportUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/csp-report`;

  const onConsole = (via: string) => (message: ConsoleMessage) => {
    const text = message.text();
    if (text.startsWith(MARK)) violations.push({ via, ...(JSON.parse(text.slice(MARK.length)) as Omit<Violation, 'via'>) });
    else if (/Content Security Policy/.test(text)) violations.push({ via: 'console', directive: '', blocked: '', source: text });
  };
  page.on('console', onConsole('page'));
  page.on('worker', (worker) => worker.on('console', onConsole('worker')));
  await page.addInitScript(LISTENER);

  // A worker script: the served policy with a report-uri added, and the listener as the script's first line.
  const addReporting = async (route: Route) => {
    const response = await route.fetch();
    const policy = response.headers()['content-security-policy'];
    const headers = policy ? { ...response.headers(), 'content-security-policy': `${policy}; report-uri ${reportUri}` } : response.headers();
    await route.fulfill({ response, headers, body: LISTENER + (await response.text()) });
  };
  // Not the page itself: a document answered by route.fulfill has no address, so Chromium counts it as public
  // and refuses its calls to a loopback server (Local Network Access). The init script covers the page.
  await page.route((url) => url.origin === origin && /^\/assets\/worker-[\w-]+\.js$/.test(url.pathname), addReporting);

  return {
    violations,
    lines: () => violations.map((v) => `${v.via}: ${v.directive} blocked ${v.blocked} at ${v.source}`),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
