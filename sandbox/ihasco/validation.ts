import type { IhascoUser } from './data';

export type FieldErrors = Record<string, string[]>;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const labels: Record<string, string> = { first_name: 'first name', last_name: 'last name', email: 'email' };

/** Laravel-style rules for PATCH /users/{user}: all fields optional ("sometimes"). */
export function validateUserPatch(
  input: Record<string, unknown>,
  users: IhascoUser[],
  self: IhascoUser,
): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  for (const field of ['first_name', 'last_name', 'email']) {
    if (!(field in input)) continue;
    const value = input[field];
    const label = labels[field] ?? field;
    if (typeof value !== 'string' || value === '') {
      add(
        field,
        value === '' || value === null ? `The ${label} field is required.` : `The ${label} must be a string.`,
      );
      continue;
    }
    if (value.length > 255) add(field, `The ${label} must not be greater than 255 characters.`);
    if (field === 'email') {
      if (!emailPattern.test(value)) add(field, 'The email must be a valid email address.');
      else if (users.some((user) => user.email === value.toLowerCase() && user.id !== self.id)) {
        add(field, 'The email has already been taken.');
      }
    }
  }
  return errors;
}

/** Laravel's summary: the first message, plus "(and N more errors)". */
export function summarise(errors: FieldErrors): string {
  const messages = Object.values(errors).flat();
  const first = messages[0] ?? 'The given data was invalid.';
  const more = messages.length - 1;
  return more > 0 ? `${first} (and ${more} more error${more > 1 ? 's' : ''})` : first;
}
