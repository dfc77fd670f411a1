import type { ClassState } from '../../shared/protocol/messages';
import { DEMO_ACCOUNTS } from '../auth/users';
import { Prng } from './prng';

export interface Participant {
  id: string;
  name: string;
  role: 'teacher' | 'student';
  /** Simulated participants are driven by the simulator; the demo accounts are real people signing in. */
  simulated: boolean;
}

export interface ClassDefinition {
  id: string;
  title: string;
  teacher: Participant;
  students: Participant[];
  region: string;
  /** Seats for students: 1 for a 1-on-1 class, more for a group. */
  capacity: number;
  state: ClassState;
  startsAt: number;
}

export interface CatalogueOptions {
  classes: number;
  seed: number;
  /** The moment the catalogue is built for; start times are relative to it. */
  now: number;
}

const SUBJECTS = ['Algebra', 'Geometry', 'Physics', 'Chemistry', 'Biology', 'English Reading', 'English Speaking', 'Chinese',
  'History', 'Geography', 'Music', 'Art', 'Programming', 'Statistics', 'Spanish', 'French'];
const FIRST_NAMES = ['Ada', 'Ben', 'Chen', 'Dara', 'Emil', 'Fatima', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemal', 'Lena', 'Mei',
  'Noah', 'Olu', 'Priya', 'Quinn', 'Rosa', 'Sami', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Xavi', 'Yara', 'Zhou'];
const LAST_INITIALS = 'ABCDEFGHJKLMNPRSTVWZ'.split('');
const REGIONS = ['cn-north', 'cn-east', 'cn-south', 'sg', 'us-west', 'eu-central'];
const MINUTE = 60_000;

export function classIdOf(n: number): string {
  return `class-${String(n).padStart(4, '0')}`;
}

function personName(prng: Prng): string {
  return `${prng.pick(FIRST_NAMES)} ${prng.pick(LAST_INITIALS)}.`;
}

function stateOf(prng: Prng): ClassState {
  const roll = prng.next();
  if (roll < 0.8) return 'live';
  return roll < 0.92 ? 'scheduled' : 'ended';
}

function startOf(prng: Prng, state: ClassState, now: number): number {
  const minute = Math.floor(now / MINUTE) * MINUTE;
  if (state === 'live') return minute - prng.int(1, 45) * MINUTE;
  if (state === 'scheduled') return minute + prng.int(5, 90) * MINUTE;
  return minute - prng.int(60, 240) * MINUTE;
}

/**
 * The classes of local mode: class-0001 … class-NNNN, deterministic for a seed. Each has a virtual teacher and 1-4
 * virtual students, except that the demo accounts take their places in the classes they are scoped to (teacher1 and
 * student1 in class-0001, teacher2 and student2 in class-0002), so signing in as them changes what others see.
 */
export function buildCatalogue({ classes, seed, now }: CatalogueOptions): ClassDefinition[] {
  const prng = new Prng(seed);
  const catalogue: ClassDefinition[] = [];
  for (let n = 1; n <= classes; n++) {
    const id = classIdOf(n);
    const capacity = prng.chance(0.6) ? 1 : prng.pick([4, 6]);
    const studentCount = Math.min(capacity, prng.int(1, 4));
    const demoTeacher = DEMO_ACCOUNTS.find((a) => a.role === 'teacher' && a.classes !== '*' && a.classes[0] === id);
    const demoStudents = DEMO_ACCOUNTS.filter((a) => a.role === 'student' && a.classes !== '*' && a.classes.includes(id));
    const teacher: Participant = demoTeacher
      ? { id: demoTeacher.username, name: demoTeacher.name, role: 'teacher', simulated: false }
      : { id: `t-${id.slice(6)}`, name: personName(prng), role: 'teacher', simulated: true };
    const students: Participant[] = demoStudents.map((a) => ({ id: a.username, name: a.name, role: 'student' as const, simulated: false }));
    // A demo class still gets at least one virtual student beside the demo one.
    const total = Math.max(studentCount, students.length + 1);
    for (let s = students.length + 1; s <= total; s++) {
      students.push({ id: `s-${id.slice(6)}-${s}`, name: personName(prng), role: 'student', simulated: true });
    }
    // The demo classes are predictable: class-0001 is live, class-0002 waits for its teacher to start it.
    const state = n === 1 ? 'live' : n === 2 ? 'scheduled' : stateOf(prng);
    catalogue.push({
      id,
      title: `${prng.pick(SUBJECTS)} · Grade ${prng.int(1, 12)}`,
      teacher,
      students,
      region: prng.pick(REGIONS),
      capacity: Math.max(capacity, students.length),
      state,
      startsAt: startOf(prng, state, now),
    });
  }
  return catalogue;
}
