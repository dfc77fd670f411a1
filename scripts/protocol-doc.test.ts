import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACL, DROP_REASONS, KINDS, TOPIC_PATTERNS, type TopicKind } from '../shared/protocol';

const doc = readFileSync(new URL('../docs/protocol.md', import.meta.url), 'utf8');
const rows = doc.split('\n').filter((line) => line.startsWith('|'));

/** docs/protocol.md is the contract; these checks keep it from drifting away from shared/protocol. */
describe('docs/protocol.md', () => {
  it.each(Object.keys(TOPIC_PATTERNS) as TopicKind[])('documents the %s kind with its path, QoS, retain and size', (kind) => {
    const row = rows.find((line) => line.startsWith(`| ${kind} |`));
    expect(row, `no table row for ${kind}`).toBeDefined();
    const cells = row!.split('|').map((c) => c.trim());
    const spec = KINDS[kind];
    expect(cells[2]).toBe(`\`${TOPIC_PATTERNS[kind]}\``);
    expect(cells[4]).toBe(String(spec.qos));
    expect(cells[5]?.startsWith(spec.retain ? 'yes' : 'no')).toBe(true);
    expect(cells[6]).toBe(String(spec.maxBytes));
  });

  it('lists every ACL rule of every role', () => {
    for (const [role, rules] of Object.entries(ACL)) {
      for (const rule of rules) {
        const documented = rows.some((line) => {
          const cells = line.split('|').map((c) => c.trim());
          return cells[1]?.includes(role) || cells[1] === 'every role'
            ? cells[2]?.includes(rule.action) && cells[3] === `\`${rule.path}\``
            : false;
        });
        expect(documented, `${role} ${rule.action} ${rule.path}`).toBe(true);
      }
    }
  });

  it.each(DROP_REASONS)('explains the %s drop reason', (reason) => {
    expect(rows.some((line) => line.startsWith(`| \`${reason}\` |`))).toBe(true);
  });
});
