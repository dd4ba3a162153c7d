import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { EnvironmentsPanel } from './pages/environments';
import { TabStrip } from './pages/tabs';

test.describe('REST editor', () => {
  test('builds a POST with a form body', async ({ lantern, httpbin }, testInfo) => {
    await lantern.request('POST', `${httpbin}/post`);
    await lantern.page.getByTestId('request-tab-body').click();
    await lantern.page.getByTestId('body-mode').selectOption('form-urlencoded');
    await lantern.page.getByTestId('form-field-name-0').fill('course');
    await lantern.page.getByTestId('form-field-value-0').fill('Fire safety & you');
    await lantern.page.getByTestId('form-field-name-1').fill('seats');
    await lantern.page.getByTestId('form-field-value-1').fill('12');
    await lantern.page.screenshot({ path: testInfo.outputPath('form-body.png') });
    await lantern.send();
    await expect(lantern.statusCode).toHaveText('200 OK');
    const body = await lantern.responseText();
    expect(body).toContain('"course": "Fire safety & you"');
    expect(body).toContain('"Content-Type": "application/x-www-form-urlencoded"');
  });

  test('keeps the Params table and the URL in sync both ways', async ({ lantern, httpbin }) => {
    await lantern.request('GET', `${httpbin}/get?page=2`);
    await lantern.page.getByTestId('request-tab-params').click();
    await expect(lantern.page.getByTestId('param-name-0')).toHaveValue('page');
    await lantern.page.getByTestId('param-name-1').fill('q');
    await lantern.page.getByTestId('param-value-1').fill('fire safety');
    await expect(lantern.url).toHaveValue(`${httpbin}/get?page=2&q=fire%20safety`);
    await lantern.page.getByTestId('param-enabled-0').uncheck();
    await expect(lantern.url).toHaveValue(`${httpbin}/get?q=fire%20safety`);
    await lantern.send();
    expect(await lantern.responseText()).toContain('"q": "fire safety"');
  });

  test('switching environments changes the resolved URL in the timeline', async ({
    lantern,
    httpbin,
  }, testInfo) => {
    const environments = new EnvironmentsPanel(lantern.page);
    await environments.create('Staging', { base: httpbin, path: 'anything/staging' });
    await environments.create('Production', { base: httpbin, path: 'anything/production' });
    await lantern.request('GET', '{{base}}/{{path}}');
    await environments.choose('Staging');
    await lantern.send();
    await lantern.page.getByTestId('response-tab-timeline').click();
    await expect(lantern.page.getByTestId('timeline-request')).toContainText(
      `GET ${httpbin}/anything/staging`,
    );
    await environments.choose('Production');
    await lantern.send();
    await expect(lantern.page.getByTestId('timeline-request')).toContainText(
      `GET ${httpbin}/anything/production`,
    );
    await lantern.page.screenshot({ path: testInfo.outputPath('environment-timeline.png') });
  });

  test('an undefined variable in any field is flagged once, with its place, and blocks the send', async ({
    lantern,
  }, testInfo) => {
    await lantern.request('GET', '{{nowhere}}/users');
    await lantern.setHeader(0, 'X-Api-Key', '{{apiKey}}');
    const warning = lantern.page.getByTestId('url-undefined-variables');
    await expect(warning.getByTestId('undefined-variable-nowhere')).toHaveText('{{nowhere}} in the URL');
    await expect(warning.getByTestId('undefined-variable-apiKey')).toHaveText(
      '{{apiKey}} in header “X-Api-Key”',
    );
    await lantern.send();
    // Stopped before it left: said once, beside the URL, not again in an error box or a finding.
    await expect(warning).toContainText('Not sent: these variables are not defined');
    await expect(lantern.sendError).toHaveCount(0);
    await expect(lantern.page.getByTestId('failure-findings')).toHaveCount(0);
    await expect(lantern.statusCode).toHaveCount(0);
    await lantern.page.screenshot({ path: testInfo.outputPath('undefined-variables.png') });
  });

  test('the header inspector explains www-authenticate on a 401', async ({ lantern, httpbin }, testInfo) => {
    await lantern.request('GET', `${httpbin}/basic-auth/learner/secret`);
    await lantern.send();
    await expect(lantern.statusCode).toHaveText('401 Unauthorized');
    await lantern.showResponseHeaders();
    await lantern.page.getByTestId('header-explain-www-authenticate').click();
    await expect(lantern.page.getByTestId('header-explanation-www-authenticate')).toContainText(/Basic/);
    await lantern.page.screenshot({ path: testInfo.outputPath('header-inspector.png') });
  });

  test('tabs keep several requests, with unsaved changes marked', async ({ lantern, httpbin }) => {
    await lantern.request('GET', `${httpbin}/get`);
    await expect(lantern.page.getByTestId('request-tab-0-unsaved')).toBeVisible();
    await lantern.page.getByTestId('request-tab-new').click();
    await lantern.request('DELETE', `${httpbin}/delete`);
    await lantern.send();
    await expect(lantern.statusCode).toHaveText('200 OK');
    await lantern.page.getByTestId('request-tab-0').click();
    await expect(lantern.url).toHaveValue(`${httpbin}/get`);
    await expect(lantern.statusCode).toHaveCount(0);
    const tabs = new TabStrip(lantern.page);
    await tabs.close(1);
    await tabs.answerUnsaved('discard');
    await expect(tabs.tab(1)).toHaveCount(0);
  });

  test('a custom method is sent as typed', async ({ lantern, httpbin }) => {
    await lantern.method.selectOption('__custom__');
    await lantern.page.getByTestId('method-custom').fill('PURGE');
    await lantern.url.fill(`${httpbin}/anything`);
    await lantern.send();
    // httpbin refuses methods it does not know, which proves PURGE went out as typed.
    await expect(lantern.statusCode).toHaveText('405 Method Not Allowed');
    await lantern.page.getByTestId('response-tab-timeline').click();
    await expect(lantern.page.getByTestId('timeline-request')).toContainText(`PURGE ${httpbin}/anything`);
  });
});

test.describe('response body tools', () => {
  test('a JSONPath filter narrows the body, and the body saves to a file', async ({
    lantern,
    httpbin,
  }, testInfo) => {
    await lantern.request('POST', `${httpbin}/anything`);
    await lantern.setJsonBody(
      '{"author": "Yours Truly", "slides": [{"title": "Wake up to WonderWidgets!"}, {"title": "Overview"}]}',
    );
    await lantern.send();
    await expect(lantern.statusCode).toHaveText('200 OK');
    await lantern.page.getByTestId('body-jsonpath').fill('$.json.slides[*].title');
    await expect(lantern.page.getByTestId('body-note')).toContainText('2 match(es)');
    const text = await lantern.responseText();
    expect(text).toContain('"Wake up to WonderWidgets!"');
    expect(text).not.toContain('"author"');
    await lantern.page.screenshot({ path: testInfo.outputPath('jsonpath.png') });
    await lantern.page.getByTestId('body-jsonpath').fill('$..[?(@.a ===');
    await expect(lantern.page.getByTestId('body-jsonpath-error')).toContainText('not a JSONPath expression');
    await lantern.page.getByTestId('body-jsonpath').fill('');
    // Browser mode saves by a download: no path is typed, the browser gets the file.
    const target = testInfo.outputPath('saved-body.json');
    const download = lantern.page.waitForEvent('download');
    await lantern.page.getByTestId('body-save').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('response.json');
    await saved.saveAs(target);
    await expect(lantern.page.getByTestId('body-message')).toContainText(
      'Handed to your browser as a download: response.json.',
    );
    expect(JSON.parse(readFileSync(target, 'utf8')).json.author).toBe('Yours Truly');
  });
});
