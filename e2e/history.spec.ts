import { test, expect } from './fixtures';

test('history reopens a past response and can send it again', async ({ lantern, httpbin }, testInfo) => {
  await lantern.request('GET', `${httpbin}/anything/first`);
  await lantern.send();
  await expect(lantern.statusCode).toHaveText('200 OK');
  await lantern.request('GET', `${httpbin}/status/404`);
  await lantern.send();
  await expect(lantern.statusCode).toHaveText('404 Not Found');

  const panel = lantern.page.getByTestId('history-panel');
  await expect(panel.getByRole('button', { name: /^GET \/anything\/first/ })).toBeVisible();
  await panel.getByRole('button', { name: /^GET \/anything\/first/ }).click();
  await expect(lantern.statusCode).toHaveText('200 OK');
  await expect(lantern.url).toHaveValue(`${httpbin}/anything/first`);
  expect(await lantern.responseText()).toContain('/anything/first');
  await lantern.page.screenshot({ path: testInfo.outputPath('history-reopened.png') });

  await lantern.send();
  await expect(lantern.statusCode).toHaveText('200 OK');
  await expect(panel.getByRole('button', { name: /^GET \/anything\/first/ })).toHaveCount(2);
});
