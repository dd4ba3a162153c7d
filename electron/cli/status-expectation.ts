/**
 * A request's status expectation, as `expectStatus` spells it: "2xx" (the default), "200",
 * "200,201", "4xx", "200-299", or a mix separated by commas.
 */
export function matchesExpectation(status: number, expectation: string | undefined): boolean {
  const text = (expectation ?? '').trim() || '2xx';
  return text.split(',').some((part) => {
    const item = part.trim().toLowerCase();
    const klass = /^([1-5])xx$/.exec(item);
    if (klass) return Math.floor(status / 100) === Number(klass[1]);
    const range = /^(\d{3})\s*-\s*(\d{3})$/.exec(item);
    if (range) return status >= Number(range[1]) && status <= Number(range[2]);
    return /^\d{3}$/.test(item) && Number(item) === status;
  });
}
