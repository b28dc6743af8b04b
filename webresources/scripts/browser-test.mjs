// Real-browser test of the collaboration panel: Debian's Chromium (no browser download) driven by playwright-core
// opens the shipped panel (solution/WebResources/crmc_/panel) from a loopback server, with a fake Xrm.WebApi
// injected before the panel script runs, checks what a user sees and saves a screenshot to test-output/.
// Ends with "N passed, N failed" and a non-zero exit on any failure, including a missing Chromium.
import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, solutionWebResources } from './build.mjs';
import { servePanel } from './serve-panel.mjs';
import { OpportunityId, dealFor, handoffs, reviews, signals } from '../test/fixtures.mjs';

const outputDir = join(root, 'test-output');
const screenshot = join(outputDir, 'collaboration-panel.png');
let passed = 0;
let failed = 0;

function check(name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : ` — ${detail}`}`);
}

function finish(code) {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code ?? (failed > 0 ? 1 : 0));
}

function findChromium() {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) return existsSync(explicit) ? explicit : null;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const which = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' });
  return which.stdout.trim() || null;
}

/** Rows with due dates around the real clock, so "overdue" means the same thing whenever the test runs. */
function rowsAroundNow() {
  const day = 24 * 3600 * 1000;
  const at = (offsetDays) => new Date(Date.now() + offsetDays * day).toISOString();
  const offsets = [-1, -2, -6, 3]; // Logistics pending and late, Finance rejected, ADV approved, Operations pending
  const moved = reviews.map((r, i) => ({ ...r, crmc_duedate: at(offsets[i]) }));
  return {
    deal: dealFor(moved),
    reviews: moved,
    handoffs,
    signals,
  };
}

/** The same deal with what users might type: markup, a very long unbroken reason, right-to-left names, emoji. */
function hostileRows() {
  const rows = rowsAroundNow();
  const F = '@OData.Community.Display.V1.FormattedValue';
  const markup = '<img src=x onerror="window.__xss=true"></script><script>window.__xss=true</script>';
  const reviews = rows.reviews.map((r) => (r.crmc_decision === 100000003
    ? { ...r, crmc_rejectionreason: `${markup} ${'x'.repeat(400)}`, [`_ownerid_value${F}`]: 'فاطمة الزهراء 👩‍💼' }
    : r));
  const signals = rows.signals.map((s) => ({
    ...s,
    crmc_name: `"><img src=x onerror=window.__xss=true> 🚚`,
    crmc_description: 'عميل غير راض عن التسليم',
    [`_crmc_raisedby_value${F}`]: 'سامي الفيصل',
  }));
  return { ...rows, deal: dealFor(reviews), reviews, signals };
}

/** Runs in the page before any of its scripts: the Client API the form would provide. */
function injectXrm({ rows, fail }) {
  const answer = (value) => (fail ? Promise.reject({ errorCode: 403, message: fail }) : Promise.resolve(value));
  const tables = { crmc_feasibilityreview: rows.reviews, task: rows.handoffs, crmc_fieldsignal: rows.signals };
  window.__opened = [];
  window.Xrm = {
    WebApi: {
      retrieveRecord: () => answer(rows.deal),
      retrieveMultipleRecords: (entity) => answer({ entities: tables[entity] || [] }),
    },
    Navigation: { openForm: (options) => (window.__opened.push(options), Promise.resolve()) },
  };
}

async function main() {
  const executablePath = findChromium();
  if (!executablePath) {
    check('chromium is installed', false, 'not found at /usr/bin/chromium or on PATH: apt-get install -y chromium (or set CHROMIUM_PATH)');
    finish(1);
  }
  mkdirSync(outputDir, { recursive: true });
  const server = await servePanel(join(solutionWebResources, 'crmc_', 'panel'));
  const profile = mkdtempSync(join(tmpdir(), 'crmc-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1100, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    const foreign = [];
    page.on('request', (r) => { if (!r.url().startsWith(server.url)) foreign.push(r.url()); });
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.addInitScript(injectXrm, { rows: rowsAroundNow(), fail: null });
    await page.goto(`${server.url}/collaboration.html?id=%7B${OpportunityId}%7D`);
    const status = page.locator('#crmc-status');
    await status.filter({ hasText: 'Loaded' }).waitFor({ timeout: 10000 });

    check('status region announces the load', (await status.getAttribute('aria-live')) === 'polite' &&
      (await status.textContent()) === 'Loaded 4 review(s), 2 handoff task(s), 1 signal(s).', await status.textContent());
    check('account of the deal is shown', await page.getByText('Account: Contoso Manufacturing').isVisible());
    const feasibility = page.locator('#crmc-feasibility');
    check('the feasibility headline names the status in words',
      (await feasibility.locator('p.feasibility-error').textContent()) === 'Feasibility: Blocked. 3 review(s) must be approved before Propose:');
    const blockingLines = await feasibility.locator('li').allTextContents();
    check('each blocking function is listed from the deal\'s feasibility detail', blockingLines.length === 3 &&
      blockingLines.includes('Finance rejected (Fiona Finance): Margin below 18% at this discount') &&
      blockingLines.some((l) => /^Logistics pending \(Lena Logistics\), due \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/.test(l)),
      blockingLines.join(' | '));

    const overdue = page.locator('#crmc-reviews tr.overdue');
    const badge = overdue.locator('.badge-overdue');
    check('one review is highlighted as overdue', (await overdue.count()) === 1 && (await overdue.locator('th').textContent()) === 'Logistics');
    check('the overdue review says "Overdue" in text', (await badge.isVisible()) && (await badge.textContent()) === 'Overdue');
    const [rowBg, plainBg] = await page.evaluate(() => [
      getComputedStyle(document.querySelector('#crmc-reviews tr.overdue td')).backgroundColor,
      getComputedStyle(document.querySelector('#crmc-reviews tbody tr:not(.overdue) td')).backgroundColor,
    ]);
    check('the overdue row is visibly highlighted', rowBg !== plainBg, `${rowBg} vs ${plainBg}`);
    check('the rejected review shows its reason', await page.getByText('Reason: Margin below 18% at this discount').isVisible());
    check('conditions of an approval are shown', await page.getByText('Conditions: Signed contract before order entry').isVisible());

    const handoffRows = page.locator('#crmc-handoffs tbody tr');
    check('both handoff tasks are listed', (await handoffRows.count()) === 2);
    check('handoff evidence is shown complete or missing', (await handoffRows.nth(0).textContent()).includes('Complete') &&
      (await handoffRows.nth(1).textContent()).includes('Missing: Tracking Number, Delivered On'));
    check('an unrouted handoff says so', await page.getByText('CrmCollab Unrouted (unrouted)').isVisible());
    check('the account signal is listed', await page.getByRole('link', { name: 'Competitor demo on site' }).isVisible() &&
      await page.getByText('Fabrikam showed a cheaper line to the plant manager.').isVisible());

    const captions = await page.locator('caption').allTextContents();
    check('tables have captions', captions.length === 3, captions.join(' | '));
    const unscoped = await page.locator('th:not([scope])').count();
    check('every header cell has a scope', unscoped === 0, `${unscoped} without scope`);

    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    await page.keyboard.press('Enter');
    const opened = await page.evaluate(() => window.__opened);
    check('records open from the keyboard', focused === 'Logistics' && opened[0]?.entityName === 'crmc_feasibilityreview',
      `focused ${focused}, opened ${JSON.stringify(opened)}`);

    const contrast = await page.evaluate(() => {
      const rgb = (c) => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
      const lum = (c) => {
        const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
      const s = (sel) => getComputedStyle(document.querySelector(sel));
      return Math.min(
        ratio(s('.badge-overdue').color, s('.badge-overdue').backgroundColor),
        ratio(s('#crmc-reviews tr.overdue td').color, s('#crmc-reviews tr.overdue td').backgroundColor),
        ratio(s('.reason').color, s('#crmc-reviews tr.is-rejected td').backgroundColor === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : s('#crmc-reviews tr.is-rejected td').backgroundColor),
        ratio(s('body').color, s('body').backgroundColor),
        ratio(s('.feasibility-error').color, s('.feasibility-error').backgroundColor),
      );
    });
    check('text contrast is at least 4.5:1', contrast >= 4.5, contrast.toFixed(2));
    check('no request leaves the loopback server', foreign.length === 0, foreign.join(', '));
    check('no script error on the page', pageErrors.length === 0, pageErrors.join('; '));

    await page.screenshot({ path: screenshot, fullPage: true });
    check('screenshot saved', existsSync(screenshot), screenshot);

    // What other users typed, as the panel shows it: markup stays text, a long unbroken reason wraps inside the panel
    // (the form gives it a fixed width), and a right-to-left name does not pull the date after it out of order.
    const hostile = await browser.newPage();
    const hostileErrors = [];
    hostile.on('pageerror', (e) => hostileErrors.push(e.message));
    await hostile.setViewportSize({ width: 700, height: 900 });
    await hostile.addInitScript(injectXrm, { rows: hostileRows(), fail: null });
    await hostile.goto(`${server.url}/collaboration.html?id=${OpportunityId}`);
    await hostile.locator('#crmc-status').filter({ hasText: 'Loaded' }).waitFor({ timeout: 10000 });
    const injected = await hostile.evaluate(() => ({
      images: document.querySelectorAll('img, script:not([src])').length,
      fired: window.__xss === true,
      reason: [...document.querySelectorAll('#crmc-reviews td')].some((td) => td.textContent.includes('<img src=x onerror=')),
    }));
    check('markup typed into a reason, a name or a signal stays text', injected.images === 0 && !injected.fired && injected.reason,
      JSON.stringify(injected));
    const overflow = await hostile.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check('a long unbroken reason wraps inside the panel', overflow <= 0, `${overflow}px wider than the panel`);
    const order = await hostile.evaluate(() => {
      const cell = [...document.querySelectorAll('#crmc-signals td')].find((td) => td.textContent.includes('UTC'));
      const left = (part) => {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent.indexOf(part);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + part.length);
          const box = range.getBoundingClientRect();
          return [Math.round(box.top), box.left]; // a narrow column may wrap: reading order is line, then left to right
        }
        return [NaN, NaN];
      };
      return { text: cell.textContent, year: left('2026'), time: left('14:00'), utc: left('UTC') };
    });
    const before = ([top1, left1], [top2, left2]) => top1 < top2 || (top1 === top2 && left1 < left2);
    check('a right-to-left name leaves the date after it in order', before(order.year, order.time) && before(order.time, order.utc),
      JSON.stringify(order));
    check('no script error on the page with hostile text', hostileErrors.length === 0, hostileErrors.join('; '));

    const failing = await browser.newPage();
    await failing.addInitScript(injectXrm, { rows: rowsAroundNow(), fail: 'No read access to Feasibility Review' });
    await failing.goto(`${server.url}/collaboration.html?id=${OpportunityId}`);
    const error = failing.locator('#crmc-status.status-error');
    await error.waitFor({ timeout: 10000 });
    check('a load failure is announced in the status region',
      (await error.textContent()) === 'Could not load the collaboration data: No read access to Feasibility Review');
  } finally {
    await browser.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().then(() => finish(), (error) => {
  check('browser test ran to the end', false, error?.stack ?? String(error));
  finish(1);
});
