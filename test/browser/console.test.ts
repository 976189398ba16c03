import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { artifactsDir, CHROMIUM, chromiumAvailable, chromiumRequired, launchChromium, type Chromium } from '../support/chromium.js';
import { INTAKE_TO_DRAFT } from '../support/network.js';
import { startTestServer, type TestServer } from '../support/server.js';

// The web console in real Chromium: an owner's intake typed and tapped in the LINE pane, the
// draft sent for approval from the Slack pane, approved in the Teams pane, then the funnel on
// the dashboard. Screenshots are kept under test/artifacts/browser/<database>/.

const FAST = { BANSOU_OUTBOX_BASE_DELAY_MS: '50', BANSOU_OUTBOX_MAX_DELAY_MS: '200', BANSOU_OUTBOX_POLL_MS: '20' };
const PAGE_WEIGHT_BUDGET = 300 * 1024;

if (chromiumRequired && !chromiumAvailable) {
  describe('browser tests', () => {
    it('need Chromium in CI', () => {
      throw new Error(`Chromium is missing at ${CHROMIUM}: scripts/test.sh installs Debian's chromium as root (scripts/browser-deps.sh)`);
    });
  });
}

describe.skipIf(!chromiumAvailable)('web console in Chromium', () => {
  let server: TestServer;
  let browser: Chromium;
  let page: Page;
  let dir: string;
  let credentials: { email: string; password: string };

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/adapters/web/client/sim.js'))) throw new Error('the client is not built: run `npm run build` (scripts/dev.sh test does)');
    dir = artifactsDir();
    server = await startTestServer(FAST);
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shot = (name: string, fullPage = false) => page.screenshot({ path: join(dir, name), fullPage });
  const botRows = () => page.locator('#owner-log .line-row:not(.mine):not([data-key=hint])').count();

  /** Scrolls the pane holding `selector` (only the pane, not the page) so it shows at the top. */
  async function scrollPaneTo(selector: string): Promise<void> {
    await page.locator(selector).first().evaluate((el) => {
      const log = el.closest('[role=log]') as HTMLElement;
      log.scrollTop += el.getBoundingClientRect().top - log.getBoundingClientRect().top - 8;
    });
  }

  /** Taps the quick reply or card button with this text when the pane offers one, else types it. */
  async function ownerSays(text: string): Promise<'tapped' | 'typed'> {
    const before = await botRows();
    const chip = page.locator('#owner-quick .chip', { hasText: text });
    const cardButton = page.locator('#owner-log .flex-button', { hasText: text }).last();
    let how: 'tapped' | 'typed' = 'tapped';
    if (await chip.count() && (await chip.first().innerText()) === text) await chip.first().click();
    else if (await cardButton.count() && (await cardButton.innerText()) === text) await cardButton.click();
    else {
      how = 'typed';
      await page.locator('#owner-text').fill(text);
      await page.keyboard.press('Enter');
    }
    await expect.poll(botRows, { timeout: 10_000 }).toBeGreaterThan(before);
    return how;
  }

  it('loads the first page under the weight budget, measured by Chromium', async () => {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    const sizes = new Map<string, number>();
    const urls = new Map<string, string>();
    cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
    cdp.on('Network.loadingFinished', (e) => sizes.set(e.requestId, e.encodedDataLength));
    await page.goto(server.url + '/', { waitUntil: 'load' });
    await page.locator('#owner-log .line-row').first().waitFor();
    await cdp.detach();
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    const report = { url: '/', requests: sizes.size, transferredBytes: total, files: [...sizes].map(([id, bytes]) => ({ url: urls.get(id)?.replace(server.url, ''), bytes })) };
    writeFileSync(join(dir, 'page-weight.json'), JSON.stringify(report, null, 2));
    console.log(`first load of /: ${total} bytes transferred in ${sizes.size} requests (budget ${PAGE_WEIGHT_BUDGET})`);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(PAGE_WEIGHT_BUDGET);
  });

  it('is usable from the keyboard, with a label for every field', async () => {
    const unlabelled = await page.evaluate(() => Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
      .filter((el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute('aria-label')).map((el) => el.id || el.outerHTML));
    expect(unlabelled).toEqual([]);
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('本文へ移動');
    await page.locator('#load-sample').focus();
    await page.keyboard.press('Enter');
    const password = page.locator('[data-testid=sample-password]');
    await password.waitFor();
    credentials = { email: await page.locator('[data-testid=sample-email]').innerText(), password: await password.innerText() };
    await expect.poll(() => page.locator('#slack-actor').innerText(), { timeout: 15_000 }).toContain('佐藤 美咲');
  });

  it('completes an owner intake by typing and tapping quick replies and card buttons', async () => {
    const ways: string[] = [];
    for (const text of INTAKE_TO_DRAFT) ways.push(await ownerSays(text));
    expect(ways.filter((w) => w === 'tapped').length).toBeGreaterThanOrEqual(4);
    await expect.poll(() => page.locator('#owner-log').innerText(), { timeout: 15_000 }).toContain('コーディネーター');
    await shot('01-owner-intake-done.png');
  }, 120_000);

  it('sends the draft for approval as the advisor in the Slack pane', async () => {
    const button = page.locator('#slack-log .sbutton', { hasText: '承認を依頼' }).last();
    await button.waitFor();
    await button.click();
    await page.locator('#action-dialog textarea[name=comment]').fill('ISO の実務経験がある方を優先してください。');
    await page.locator('#action-dialog button[type=submit]').click();
    await page.locator('#teams-log .tbutton', { hasText: '承認する' }).waitFor();
    await page.locator('#slack-log .thread-toggle').last().click();
    await expect.poll(() => page.locator('#slack-log .thread-body').innerText(), { timeout: 15_000 }).toContain('さんがコーディネーターに承認を依頼しました');
    await scrollPaneTo('#slack-log > div:first-child .block-header');
    await shot('02-advisor-slack-sent-for-approval.png');
  });

  it('approves as the coordinator in the Teams pane; the card then says who decided', async () => {
    await page.locator('#teams-log .tbutton', { hasText: '承認する' }).click();
    await expect.poll(() => page.locator('#teams-log').innerText(), { timeout: 15_000 }).toMatch(/高橋 健一 さんが .* に承認しました/);
    await expect.poll(() => page.locator('#teams-log .tbutton', { hasText: '承認する' }).count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => page.locator('#owner-log').innerText(), { timeout: 15_000 }).toContain('承認されました');
    await expect.poll(() => page.locator('#slack-log').innerText(), { timeout: 15_000 }).toContain('承認済み');
    await scrollPaneTo('#teams-log .acard-title');
    await shot('03-coordinator-teams-approved.png');
  });

  it('chooses two people to introduce on the Teams card; the owner asks to meet one; the meeting is confirmed', async () => {
    const card = page.locator('#teams-log .acard', { has: page.locator('.acard-pick') }).last();
    await card.waitFor({ timeout: 15_000 });
    const boxes = card.locator('.acard-pick input[type=checkbox]');
    expect(await boxes.count()).toBeGreaterThanOrEqual(2);
    // One ticked is too few: the core's refusal is shown and nothing is sent.
    await boxes.nth(0).check();
    await card.locator('.tbutton', { hasText: '紹介を承認' }).click();
    await expect.poll(() => page.locator('body').innerText(), { timeout: 10_000 }).toContain('2〜3 名');
    await boxes.nth(1).check();
    await card.locator('.tbutton', { hasText: '紹介を承認' }).click();
    await expect.poll(() => page.locator('#owner-log').innerText(), { timeout: 15_000 }).toContain('候補B');
    const before = await page.locator('#owner-log').innerText();
    expect(before).not.toMatch(/@|歳/u);
    await scrollPaneTo('#owner-log .flex-button');
    await shot('04-owner-introductions.png');
    await ownerSays('話を聞いてみたい［候補A］');
    const confirm = page.locator('#teams-log .tbutton', { hasText: '面談を確定' }).last();
    await confirm.waitFor({ timeout: 15_000 });
    await confirm.click();
    await expect.poll(() => page.locator('#owner-log').innerText(), { timeout: 15_000 }).toContain('面談が決まりました');
    await shot('05-meeting-confirmed.png');
  }, 60_000);

  it('fits the owner pane on a 360 px phone without sideways scrolling', async () => {
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 360, height: 740 });
    await phone.goto(server.url + '/');
    await phone.locator('#owner-log .line-row').first().waitFor();
    await phone.locator('#owner-log .line-row').last().scrollIntoViewIfNeeded();
    const overflow = await phone.evaluate(() => {
      const log = document.getElementById('owner-log') as HTMLElement;
      return { page: document.documentElement.scrollWidth - window.innerWidth, log: log.scrollWidth - log.clientWidth };
    });
    expect(overflow).toEqual({ page: 0, log: 0 });
    await phone.locator('.pane.line').screenshot({ path: join(dir, '04-owner-pane-360px.png') });
    await phone.close();
  });

  it('asks for a sign-in, then shows the funnel counts and the case sheet on the dashboard', async () => {
    await page.goto(server.url + '/dashboard');
    expect(new URL(page.url()).pathname).toBe('/signin');
    await page.locator('#email').fill(credentials.email);
    await page.locator('#password').fill(credentials.password);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/dashboard');
    const reached = async (stage: string) => page.locator(`tr[data-stage=${stage}] .reached`).innerText();
    expect(await Promise.all(['intake', 'drafted', 'in_review', 'approved', 'matching', 'introduced', 'hired'].map(reached))).toEqual(['1', '1', '1', '1', '1', '1', '0']);
    expect(await page.locator('tr[data-stage=introduced] .current').innerText()).toBe('1');
    expect(await page.locator('[data-figure=specsApproved] .num').innerText()).toBe('1');
    await shot('06-dashboard.png', true);
    await page.locator('table.data a[href^="/dashboard/case?id="]').first().click();
    await expect.poll(() => page.locator('h1').innerText(), { timeout: 15_000 }).toContain('企業情報シート');
    expect(await page.locator('.status-line').innerText()).toContain('紹介済み');
    await shot('07-case-sheet.png', true);
  });
});
