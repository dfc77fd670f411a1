import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ElementProps, canonical, mergeRecords, type ElementRecord } from './element';
import { BoardEditor, BoardPage } from './page';
import { SequenceTracker } from './sequence';

/** Fixed seeds: a failure reproduces exactly, and the run explores the same cases on every machine. */
const SEED = 20261121;
const bytes = (r: ElementRecord) => JSON.stringify(canonical(r));

const recordArb: fc.Arbitrary<ElementRecord> = fc.record({
  id: fc.constant('e1'),
  kind: fc.constantFrom('pen' as const, 'rect' as const, 'text' as const),
  props: fc.record({ x: fc.integer({ min: -50, max: 50 }), y: fc.integer({ min: -50, max: 50 }), text: fc.string({ maxLength: 5 }) })
    .map((p) => ElementProps.parse(p)),
  version: fc.integer({ min: 1, max: 4 }),
  nonce: fc.integer({ min: 0, max: 3 }),
  by: fc.constantFrom('u1', 'u2'),
  z: fc.constantFrom('a0', 'a1', 'Zz'),
  deleted: fc.boolean(),
});

describe('element merge', () => {
  it('is commutative, idempotent and associative', () => {
    fc.assert(
      fc.property(recordArb, recordArb, recordArb, (a, b, c) => {
        expect(bytes(mergeRecords(a, b))).toBe(bytes(mergeRecords(b, a)));
        expect(bytes(mergeRecords(a, a))).toBe(bytes(a));
        expect(bytes(mergeRecords(mergeRecords(a, b), c))).toBe(bytes(mergeRecords(a, mergeRecords(b, c))));
      }),
      { seed: SEED, numRuns: 2_000 },
    );
  });

  it('never brings a deleted element back, even against a newer edit', () => {
    fc.assert(
      fc.property(recordArb, recordArb, (a, b) => {
        fc.pre(a.deleted || b.deleted);
        expect(mergeRecords(a, b).deleted).toBe(true);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

/** A committed op as it travels: the sender, its sequence number and the record. */
interface Op {
  from: number;
  seq: number;
  record: ElementRecord;
}

class Peer {
  readonly page = new BoardPage('p1');
  readonly editor: BoardEditor;
  readonly seqs = new SequenceTracker();
  readonly inbox: Op[] = [];
  readonly outbox: Op[] = [];
  readonly tombstones = new Set<string>();
  online = true;
  sent = 0;
  created = 0;

  constructor(readonly index: number, random: () => number) {
    this.editor = new BoardEditor(this.page, `u${index}`, random);
  }

  receive(records: ElementRecord[]): void {
    this.page.apply(records);
    for (const r of records) if (this.page.get(r.id)?.deleted) this.tombstones.add(r.id);
    for (const id of this.tombstones) {
      expect(this.page.get(id)?.deleted, `peer ${this.index} resurrected ${id}`).toBe(true);
    }
  }
}

type Command =
  | { type: 'create' | 'update' | 'remove' | 'reorder'; peer: number; target: number; x: number; y: number }
  | { type: 'deliver' | 'duplicate' | 'drop'; peer: number; pick: number }
  | { type: 'toggle-network'; peer: number };

const commandArb = (peers: number): fc.Arbitrary<Command> => {
  const peer = fc.integer({ min: 0, max: peers - 1 });
  const coord = fc.integer({ min: -500, max: 500 });
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ type: fc.constantFrom('create' as const, 'update' as const, 'remove' as const, 'reorder' as const), peer, target: fc.nat(40), x: coord, y: coord }) },
    { weight: 5, arbitrary: fc.record({ type: fc.constant('deliver' as const), peer, pick: fc.nat(50) }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constantFrom('duplicate' as const, 'drop' as const), peer, pick: fc.nat(50) }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('toggle-network' as const), peer }) },
  );
};

function runScenario(peerCount: number, commands: Command[], seed: number): Peer[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const peers = Array.from({ length: peerCount }, (_, i) => new Peer(i, random));

  const broadcast = (sender: Peer, record: ElementRecord | null) => {
    if (!record) return;
    const op: Op = { from: sender.index, seq: ++sender.sent, record };
    if (!sender.online) {
      sender.outbox.push(op);
      return;
    }
    for (const p of peers) if (p !== sender) p.inbox.push(op);
  };

  const resyncFrom = (peer: Peer, source: Peer) => {
    peer.receive(source.page.all());
    peer.seqs.reset(`u${source.index}`, source.sent - source.outbox.length);
  };

  const accept = (peer: Peer, op: Op) => {
    const verdict = peer.seqs.observe(`u${op.from}`, op.seq);
    peer.receive([op.record]);
    if (verdict === 'gap') resyncFrom(peer, peers[op.from]!);
  };

  for (const command of commands) {
    const peer = peers[command.peer]!;
    switch (command.type) {
      case 'create': {
        const id = `u${peer.index}-${++peer.created}`;
        broadcast(peer, peer.editor.create(id, 'pen', ElementProps.parse({ x: command.x, y: command.y, points: [0, 0, 3, 4] })));
        break;
      }
      case 'update':
      case 'remove':
      case 'reorder': {
        const live = peer.page.visible();
        if (live.length === 0) break;
        const target = live[command.target % live.length]!;
        if (command.type === 'update') broadcast(peer, peer.editor.update(target.id, { x: command.x, y: command.y }));
        else if (command.type === 'remove') broadcast(peer, peer.editor.remove(target.id));
        else broadcast(peer, peer.editor.reorder(target.id, null, live[0]!.id === target.id ? null : live[0]!.id));
        break;
      }
      case 'deliver':
      case 'duplicate':
      case 'drop': {
        if (!peer.online || peer.inbox.length === 0) break;
        const index = command.pick % peer.inbox.length;
        const op = peer.inbox[index]!;
        if (command.type !== 'duplicate') peer.inbox.splice(index, 1);
        if (command.type !== 'drop') accept(peer, op);
        break;
      }
      case 'toggle-network':
        peer.online = !peer.online;
        if (peer.online) {
          const queued = peer.outbox.splice(0);
          for (const op of queued) for (const p of peers) if (p !== peer) p.inbox.push(op);
        }
        break;
    }
  }

  // Everyone comes back online and the network drains, in order of arrival.
  for (const peer of peers) {
    if (!peer.online) {
      peer.online = true;
      for (const op of peer.outbox.splice(0)) for (const p of peers) if (p !== peer) p.inbox.push(op);
    }
  }
  for (const peer of peers) while (peer.inbox.length) accept(peer, peer.inbox.shift()!);
  // Heartbeats carry each sender's latest number, so a trailing drop (no later op to reveal the gap) is caught too.
  for (const peer of peers) {
    for (const sender of peers) {
      if (sender !== peer && peer.seqs.behind(`u${sender.index}`, sender.sent)) resyncFrom(peer, sender);
    }
  }
  return peers;
}

describe('multi-peer convergence (seeded fuzz)', () => {
  it('ends with byte-identical documents whatever the order, duplication, drops and disconnects', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }).chain((n) => fc.tuple(fc.constant(n), fc.array(commandArb(n), { minLength: 20, maxLength: 250 }), fc.nat())),
        ([n, commands, seed]) => {
          const peers = runScenario(n, commands, seed);
          const reference = peers[0]!.page.serialize();
          for (const peer of peers) expect(peer.page.serialize()).toBe(reference);
          const deletedAnywhere = new Set(peers.flatMap((p) => [...p.tombstones]));
          for (const peer of peers) {
            for (const element of peer.page.visible()) expect(deletedAnywhere.has(element.id)).toBe(false);
          }
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});
