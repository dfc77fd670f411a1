import { describe, expect, it } from 'vitest';
import { helpState } from '../testing/samples';
import { remedyTargets, suggestedRemedy } from './remedyChoice';

describe('the suggested remedy', () => {
  it("is the worst tag's playbook, sent to the participant the tag is about", () => {
    const state = helpState('r', {
      from: { id: 'teacher1', name: 'T', role: 'teacher' },
      tags: [
        { tag: 'course.not-synced', userId: 'student2', since: 1, evidence: '' },
        { tag: 'stream.cant-hear', userId: 'student1', since: 2, evidence: '' },
      ],
    });
    expect(suggestedRemedy(state, 'teacher1')).toEqual({ action: 'switch-line', to: 'student1' });
    expect(remedyTargets(state, 'teacher1')).toEqual(['student2', 'student1', 'teacher1']);
  });

  it('is switching the requester’s line when no tag names a playbook', () => {
    expect(suggestedRemedy(helpState('r', { tags: [{ tag: 'stream.normal', userId: 'x', since: 1, evidence: '' }] }), null)).toEqual({
      action: 'switch-line',
      to: 'student1',
    });
  });
});
