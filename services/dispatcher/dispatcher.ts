import { encode, type DropCounter } from '../../shared/protocol/codec';
import { RPC } from '../../shared/protocol/rpc/index';
import type { ClassTags, HelpState } from '../../shared/protocol/supervision';
import { topic } from '../../shared/protocol/topics';
import type { ClaimsLookup } from '../classroom/requester';
import { ServiceHost } from '../host/service-host';
import type { ServiceLink } from '../mqtt/service-connection';
import type { AuditLog } from './audit-log';
import { HelpDesk } from './help-desk';
import { helpHandlers } from './help-handlers';
import type { HelpDeskEffects } from './help-records';
import type { HelpStore } from './help-store';
import { DispatcherMethods } from './methods';
import type { TagTimeline } from './tag-timeline';
import { timingsOf, type DispatcherTuning, type Timings } from './timings';

export type { DispatcherTuning } from './timings';

export interface DispatcherOptions extends DispatcherTuning {
  link: ServiceLink;
  root: string;
  claimsOf: ClaimsLookup;
  store: HelpStore;
  audit: AuditLog;
  onError?(error: unknown): void;
}

/**
 * The help dispatcher as a backend service: the help desk (help-desk.ts) on the service host. Help requests,
 * acknowledgements, tags and summaries reach the desk through its handlers (help-handlers.ts); supervisors claim,
 * remedy, escalate and resolve through the `dispatcher` RPC service (methods.ts); what the desk does is published
 * here. A restarted dispatcher loads its store before it connects, so it carries on where the last one stopped.
 */
export class DispatcherService {
  readonly timings: Timings;
  private readonly desk: HelpDesk;
  private readonly host: ServiceHost<typeof RPC.dispatcher>;

  constructor(options: DispatcherOptions) {
    this.timings = timingsOf(options);
    this.desk = new HelpDesk({ store: options.store, effects: this.effects(options), timings: this.timings, claimsOf: options.claimsOf, clock: Date.now });
    const methods = new DispatcherMethods(this.desk, options.claimsOf, options.audit);
    this.host = new ServiceHost(
      {
        name: 'dispatcher',
        // Help requests and acknowledgements sent while the dispatcher restarts wait for it in the broker.
        persistentSession: true,
        ...helpHandlers(this.desk, options.root),
        rpc: { contract: RPC.dispatcher, methods: methods.table },
        onStart: () => this.desk.load(),
        onConnect: () => this.desk.records.republish(),
        timers: [{ everyMs: this.timings.sweepMs, run: () => this.desk.sweep() }],
        onStop: async () => {
          await options.audit.flushed();
          await this.desk.unload();
        },
      },
      { link: options.link, root: options.root, onError: options.onError },
    );
  }

  static async start(options: DispatcherOptions): Promise<DispatcherService> {
    const service = new DispatcherService(options);
    await service.start();
    return service;
  }

  get running(): boolean {
    return this.host.running;
  }

  /** Loads every request from the store, then connects: a fresh start and a restart are the same thing. */
  start(): Promise<void> {
    return this.host.start();
  }

  /** Takes the dispatcher off the broker and forgets what it held in memory; the store keeps it for `start()`. */
  stop(): Promise<void> {
    return this.host.stop();
  }

  // ---- what tests and the backend read ---------------------------------------------------------------------------

  get drops(): DropCounter {
    return this.host.drops;
  }

  get counts(): HelpDesk['records']['counts'] {
    return this.desk.records.counts;
  }

  get timeline(): TagTimeline {
    return this.desk.records.timeline;
  }

  request(id: string): HelpState | undefined {
    return this.desk.records.request(id);
  }

  classTags(classId: string): ClassTags | undefined {
    return this.desk.records.classTags(classId);
  }

  openRequestsOf(classId: string): HelpState[] {
    return this.desk.records.openRequestsOf(classId);
  }

  /** The desk's effects, carried out on the broker and in the audit log. */
  private effects({ root, audit }: DispatcherOptions): HelpDeskEffects {
    const publish = (message: Parameters<ServiceHost['publish']>[0]) => this.host.publish(message);
    return {
      command: (classId, userId, command) => publish(encode('command', topic('command', { classId, userId }, root), command)),
      helpState: (state) => {
        const name = topic('helpState', { requestId: state.id }, root);
        try {
          publish(encode('helpState', name, state));
        } catch (error) {
          if (!(error instanceof RangeError)) throw error;
          // Too large with every diagnostic attached: the stats go (the store keeps them), the rest is published.
          const diagnostics = state.diagnostics && { ...state.diagnostics, stats: [] };
          publish(encode('helpState', name, { ...state, diagnostics }));
        }
      },
      clearHelpState: (requestId) => void publish({ topic: topic('helpState', { requestId }, root), payload: new Uint8Array(0), qos: 1, retain: true }),
      notice: (userId, notice) => void publish(encode('notice', topic('notice', { userId }, root), notice)),
      metrics: (metrics) => publish(encode('supervisorMetrics', topic('supervisorMetrics', {}, root), metrics)),
      audit: (entry) => void audit.append(entry),
    };
  }
}
