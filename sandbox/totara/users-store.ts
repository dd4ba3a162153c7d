/** An in-memory Totara user table with deterministic seed data, so every run shows the same users. */
export interface TotaraUser {
  id: number;
  username: string;
  idnumber: string;
  firstname: string;
  lastname: string;
  middlename: string;
  email: string;
  /** Moodle's maildisplay: 1 = everyone may see the address; 0/2 = hidden from the API user. */
  maildisplay: number;
  city: string;
  country: string;
  department: string;
  institution: string;
  description: string;
  lang: string;
  timezone: string;
  suspended: boolean;
  auth: string;
  firstaccess: number;
  lastaccess: number;
  timecreated: number;
  custom_fields: { shortname: string; data: string | null }[];
}

const firstNames = [
  'Ada',
  'Brian',
  'Chloe',
  'Dev',
  'Eira',
  'Femi',
  'Grace',
  'Hamid',
  'Ines',
  'Jonas',
  'Kiri',
];
const lastNames = [
  'Okafor',
  'Lindqvist',
  'Patel',
  'Nakamura',
  'Jones',
  'Moreau',
  'Silva',
  'Kowalski',
  'Byrne',
];
const cities = ['Brighton', 'Leeds', 'Wellington', 'Dublin', 'Cardiff', 'Auckland'];
const countries = ['GB', 'GB', 'NZ', 'IE', 'GB', 'NZ'];
const departments = ['Finance', 'Operations', 'People', 'Engineering', 'Sales'];
// A fixed epoch keeps timestamps identical across runs: 2024-01-01T00:00:00Z.
const seedEpoch = 1_704_067_200;

export function seedUsers(count: number): TotaraUser[] {
  const users: TotaraUser[] = [];
  for (let i = 0; i < count; i += 1) {
    const firstname = firstNames[i % firstNames.length] ?? 'Sam';
    const lastname = lastNames[(i * 7) % lastNames.length] ?? 'Smith';
    const username = `${firstname}.${lastname}${i + 1}`.toLowerCase();
    users.push({
      id: i + 3, // Totara ids 1 and 2 are the guest and admin accounts.
      username,
      idnumber: `EMP${String(i + 1).padStart(4, '0')}`,
      firstname,
      lastname,
      middlename: '',
      email: `${username}@example.com`,
      maildisplay: i % 3 === 0 ? 1 : 2,
      city: cities[i % cities.length] ?? '',
      country: countries[i % countries.length] ?? '',
      department: departments[i % departments.length] ?? '',
      institution: 'Lantern Sandbox Ltd',
      description: `<p>${firstname} works in ${departments[i % departments.length] ?? 'the company'}.</p>`,
      lang: 'en',
      timezone: 'Europe/London',
      suspended: i % 17 === 16,
      auth: 'manual',
      firstaccess: seedEpoch + i * 86_400,
      lastaccess: seedEpoch + i * 86_400 + 3_600 * (i % 24),
      timecreated: seedEpoch + i * 3_600,
      custom_fields: [{ shortname: 'employee_grade', data: `G${(i % 5) + 1}` }],
    });
  }
  return users;
}

export type UserReference = { id?: number; username?: string; idnumber?: string; email?: string };

export class UsersStore {
  private users: TotaraUser[];
  private nextId: number;

  constructor(count: number) {
    this.users = seedUsers(count);
    this.nextId = count + 3;
  }

  all(): TotaraUser[] {
    return this.users;
  }

  /** Finds the one user matching every given key of a core_user_user_reference. */
  find(ref: UserReference): TotaraUser | undefined {
    const keys = Object.entries(ref).filter(([, value]) => value !== undefined && value !== null);
    if (keys.length === 0) return undefined;
    return this.users.find((user) =>
      keys.every(([key, value]) => String(user[key as keyof TotaraUser]) === String(value)),
    );
  }

  create(fields: Partial<TotaraUser> & Pick<TotaraUser, 'username' | 'email' | 'firstname' | 'lastname'>) {
    const now = Math.floor(Date.now() / 1000);
    const user: TotaraUser = {
      ...seedUsers(1)[0]!,
      description: '',
      idnumber: '',
      maildisplay: 2,
      suspended: false,
      firstaccess: 0,
      lastaccess: 0,
      timecreated: now,
      custom_fields: [],
      ...fields,
      id: this.nextId,
    };
    this.nextId += 1;
    this.users.push(user);
    return user;
  }

  delete(id: number): void {
    this.users = this.users.filter((user) => user.id !== id);
  }
}
