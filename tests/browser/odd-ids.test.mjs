// An export whose assessment id is something an address cannot carry as it is (a
// space, a slash, a question mark, an accent, markup, a quote, a line separator,
// nothing at all) still opens, from the import and again from the list, and survives a
// reload on its own address.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, freshApp, assertNoErrors } from './storage-helpers.mjs';
import { chooseFile } from './file-helpers.mjs';
import { EXPORT_FORMAT, SCHEMA_VERSION } from '../../scripts/app-facts.mjs';

const env = useBrowser();

const IDS = ['a b', 'a/b', 'a?b', 'é', '<x>', 'a"b', '../x', 'a\u2028b', ''];

function exportOf(id, title) {
  return Buffer.from(
    JSON.stringify({
      format: EXPORT_FORMAT,
      schema_version: SCHEMA_VERSION,
      exported_at: '2026-11-26T10:00:00.000Z',
      assessment: { id, version: 1, status: 'draft', answers: { 'about.title': title }, impacts: [] },
    }),
  );
}

test('every imported record opens, whatever its id, and opens again from the list and on reload', async () => {
  const { context, page, record } = await freshApp(env);
  try {
    for (const [i, id] of IDS.entries()) {
      const title = `Odd id ${i}`;
      await chooseFile(page, { name: `odd-${i}.json`, mimeType: 'application/json', buffer: exportOf(id, title) });
      // It opens on its task list.
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const hash = await page.evaluate(() => location.hash);
      // Back to the list, and open it from there.
      await page.locator('.lia-header__product').click();
      await page.getByRole('link', { name: title }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      assert.equal(await page.locator('#lia-notice').count(), 0, `no "cannot open" notice for ${JSON.stringify(id)}`);
      // Its address opens it again after a reload.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      assert.equal(await page.evaluate(() => location.hash), hash, `the address of ${JSON.stringify(id)} is stable`);
      await page.locator('.lia-header__product').click();
    }
    assertNoErrors(record);
  } finally {
    await context.close();
  }
});
