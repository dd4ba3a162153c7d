/** Says in plain words why a JSON body does not parse, or undefined when it does (or is empty). */
export function jsonProblem(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  // {{variables}} are filled in on the main side; check the shape with a stand-in value.
  const probe = text.replace(/\{\{[^}]*\}\}/g, '0');
  try {
    JSON.parse(probe);
    return undefined;
  } catch (error) {
    const detail = (error as Error).message.replace(/^JSON\.parse: /, '');
    return `This body is not valid JSON (${detail}).`;
  }
}
