// The steps of approving with signatures, for the Playwright tests: an approver's key
// made on "Approver keys" (its card downloaded), a key card trusted after checking its
// fingerprint, a file sent for approval decided and signed, an assessment approved
// through the hand-over with an approver made in Node (approvals.mjs).
import assert from 'node:assert/strict';
import { downloadFrom, chooseFile, browserToday } from './file-helpers.mjs';
import { approvedFile, assessmentOf, cardFile, makeApprover } from './approvals.mjs';

/** Opens "Approver keys". */
export async function openKeys(page) {
  await page.evaluate(() => (location.hash = '#/keys'));
  await page.getByRole('heading', { name: 'Approver keys', level: 1 }).waitFor();
}

/** Makes this browser's approver key; returns its fingerprint and card file. */
export async function makeKey(page, { name, role = '', organisation = '' }) {
  await openKeys(page);
  await page.getByLabel('Your name', { exact: true }).fill(name);
  await page.getByLabel('Your role', { exact: true }).fill(role);
  await page.getByLabel('Your organisation', { exact: true }).fill(organisation);
  await page.getByRole('button', { name: 'Create your approver key' }).click();
  await page.getByRole('heading', { name: 'Your key card' }).waitFor();
  const fingerprint = await page.locator('#lia-key-card .lia-fingerprint').textContent();
  const card = await downloadFrom(page, 'Download your key card');
  return { fingerprint, card: { name: card.name, mimeType: 'application/json', buffer: Buffer.from(card.text) } };
}

/** Trusts a key card (a file to choose) after "checking" its fingerprint. */
export async function trustCard(page, card, who) {
  await openKeys(page);
  await page.getByLabel('Choose a key card', { exact: true }).setInputFiles(card);
  await page.getByRole('heading', { name: 'Check the fingerprint before you trust it' }).waitFor();
  await page.getByLabel(`I have checked this fingerprint with ${who}`).check();
  await page.getByRole('button', { name: 'Trust this approver' }).click();
  await page.locator('#lia-trusted-list').filter({ hasText: who }).waitFor();
}

/**
 * The open assessment (on its check page) approved through the hand-over by an
 * approver made in Node, whose card this browser trusts first: sent, approved and
 * signed outside, the approved file opened here. Returns the approver.
 */
export async function approveThroughFiles(page, id, approver = makeApprover({ name: 'Sam Patel', role: 'Data Protection Officer', organisation: 'Example Manufacturing Ltd' })) {
  await trustCard(page, cardFile(approver), approver.card.name);
  await page.evaluate((id) => (location.hash = `#/a/${id}/check`), id);
  await page.getByRole('heading', { name: 'Check your answers', level: 1 }).waitFor();
  const sent = await downloadFrom(page, 'Send for approval');
  const approved = approvedFile(assessmentOf(sent.text), approver, await browserToday(page));
  await page.evaluate(() => (location.hash = '#/'));
  await page.getByRole('heading', { name: 'Your assessments' }).waitFor();
  await chooseFile(page, approved);
  await page.locator('#lia-approval-status').filter({ hasText: 'Signed by a trusted approver' }).first().waitFor();
  return approver;
}

/** The approver decides on the file open for approval, signs, and downloads the file to give back. */
export async function signDecision(page, { verdict, comment, section = 'Identify the legitimate interest (purpose test)' }) {
  if (comment) await page.getByLabel(`Comment on “${section}” (optional)`).fill(comment);
  await page.getByLabel(verdict, { exact: true }).check();
  await page.getByRole('button', { name: 'Sign and record your decision' }).click();
  await page.locator('#lia-decision-recorded').waitFor();
  const back = await downloadFrom(page, verdict === 'Approve it' ? 'Download the approved file' : 'Download the returned file');
  assert.match(back.name, verdict === 'Approve it' ? /-round-\d+-approved-\d{4}-\d{2}-\d{2}\.html$/ : /-round-\d+-returned-\d{4}-\d{2}-\d{2}\.html$/);
  return { name: back.name, mimeType: 'text/html', buffer: Buffer.from(back.text) };
}
