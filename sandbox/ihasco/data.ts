/** Deterministic iHASCO-style users and course results. Field names are a plausible guess (unconfirmed). */
export interface IhascoUser {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  status: 'active' | 'inactive';
  created_at: string;
  updated_at: string;
}

export interface IhascoResult {
  id: number;
  user_id: number;
  course_id: number;
  course_title: string;
  status: 'passed' | 'failed' | 'in_progress';
  score: number | null;
  completed_at: string | null;
}

const firstNames = ['Alex', 'Bea', 'Callum', 'Dina', 'Eoin', 'Fatima', 'Gus', 'Hana', 'Ivo', 'Jess'];
const lastNames = ['Adams', 'Baker', 'Clarke', 'Dhillon', 'Evans', 'Fraser', 'Green'];
const courses = [
  'Fire Safety',
  'Manual Handling',
  'GDPR Essentials',
  'Display Screen Equipment',
  'First Aid Awareness',
];

const isoDay = (day: number) =>
  new Date(Date.UTC(2024, 0, 1 + day, 9, 30)).toISOString().replace('.000Z', '.000000Z');

export function seedIhascoUsers(count = 40): IhascoUser[] {
  return Array.from({ length: count }, (_, i) => {
    const first = firstNames[i % firstNames.length] ?? 'Sam';
    const last = lastNames[(i * 3) % lastNames.length] ?? 'Smith';
    return {
      id: 1001 + i,
      first_name: first,
      last_name: last,
      email: `${first}.${last}.${i + 1}@example.org`.toLowerCase(),
      status: i % 9 === 8 ? 'inactive' : 'active',
      created_at: isoDay(i),
      updated_at: isoDay(i),
    };
  });
}

export function seedIhascoResults(users: IhascoUser[]): IhascoResult[] {
  return users.flatMap((user, i) =>
    [0, 1].map((n) => {
      const courseIndex = (i + n * 2) % courses.length;
      const status = (i + n) % 5 === 4 ? 'in_progress' : (i + n) % 7 === 6 ? 'failed' : 'passed';
      return {
        id: 5001 + i * 2 + n,
        user_id: user.id,
        course_id: 300 + courseIndex,
        course_title: courses[courseIndex] ?? 'Course',
        status,
        score: status === 'in_progress' ? null : status === 'failed' ? 55 : 80 + ((i * 7) % 20),
        completed_at: status === 'in_progress' ? null : isoDay(i + 30 + n),
      };
    }),
  );
}
