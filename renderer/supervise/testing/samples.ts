// Test support: well-formed supervision messages to start from. Not part of the app bundle.
import type { ClassHealth, ClassSummary, HelpState } from '../../../shared/protocol';
import { worstSeverity } from '../../../shared/tags/catalogue';

export function health(classId: string, problems: ClassHealth['problems'] = [], patch: Partial<ClassHealth> = {}): ClassHealth {
  return {
    v: 1,
    classId,
    title: `Title ${classId}`,
    teacher: { id: `t-${classId}`, name: `Teacher ${classId}` },
    region: 'sg',
    appVersion: '1.0.0',
    state: 'live',
    severity: worstSeverity(problems.map((p) => p.tag)),
    problems,
    updatedAt: 1_000,
    ...patch,
  };
}

export function summary(id: string, patch: Partial<ClassSummary> = {}): ClassSummary {
  return {
    v: 1,
    id,
    title: `Summary ${id}`,
    teacher: { id: `t-${id}`, name: `Teacher ${id}` },
    state: 'live',
    region: 'cn-east',
    startsAt: 0,
    presence: { teachers: 1, students: 1 },
    capacity: 1,
    updatedAt: 0,
    ...patch,
  };
}

export function helpState(id: string, patch: Partial<HelpState> = {}): HelpState {
  return {
    v: 1,
    id,
    classId: 'class-0001',
    from: { id: 'student1', name: 'Student One', role: 'student' },
    topic: 'audio',
    text: '',
    status: 'manual',
    reason: '',
    tags: [],
    remedies: [],
    claimedBy: null,
    note: '',
    diagnostics: null,
    createdAt: 1_000,
    updatedAt: 1_000,
    resolvedAt: null,
    ...patch,
  };
}
