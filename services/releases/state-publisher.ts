import { encode, type Outbound } from '../../shared/protocol/codec';
import { topic } from '../../shared/protocol/topics';
import type { ReleaseService } from './release-service';
import { GateEvents, adoptionMessage, healthMessage, stateMessage } from './state-messages';

export const DEFAULT_PUBLISH_EVERY_MS = 10_000;

/**
 * Keeps the release service's retained state on the broker for the Releases screen: the release state at once after
 * every change (an admin's action, a halt by the health gate), adoption and health on a timer when they changed, and
 * all three on every (re)connection. It publishes through the service host of service `releases` (health-intake.ts).
 */
export class ReleaseStatePublisher {
  private readonly gateEvents = new GateEvents();
  private publish: ((message: Outbound) => boolean) | null = null;
  private lastAdoption = '';
  private lastHealth = '';

  constructor(
    private readonly service: ReleaseService,
    private readonly root: string,
    readonly everyMs = DEFAULT_PUBLISH_EVERY_MS,
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    this.gateEvents.note(service.state);
    service.onChange(() => {
      // The change is saved and audited already; a failure here must not look like a failed change.
      try {
        this.gateEvents.note(service.state);
        this.publishState();
        // A change moves health too (a new baseline, a ring rolling or not).
        this.publishHealth(true);
      } catch (error) {
        this.onError(error);
      }
    });
  }

  /** Where messages go; null while the host is not connected. */
  attach(publish: ((message: Outbound) => boolean) | null): void {
    this.publish = publish;
  }

  /** Everything, whatever was published before: on every (re)connection. */
  publishAll(): void {
    this.publishState();
    this.publishAdoption(true);
    this.publishHealth(true);
  }

  /** The timer's turn: adoption and health, when they differ from what was last published. */
  tick(): void {
    this.publishAdoption(false);
    this.publishHealth(false);
  }

  private publishState(): void {
    const message = stateMessage(this.service.state, this.service.gate.thresholds, this.gateEvents.list(), Date.now());
    this.publish?.(encode('releaseState', topic('releaseState', {}, this.root), message));
  }

  private publishAdoption(always: boolean): void {
    const now = Date.now();
    const message = adoptionMessage(this.service.adoption.counts(now), this.service.adoption.samples(), now);
    const key = JSON.stringify([message.counts, message.history.length, message.history.at(-1)?.at]);
    if (!always && key === this.lastAdoption) return;
    if (this.publish?.(encode('releaseAdoption', topic('releaseAdoption', {}, this.root), message))) this.lastAdoption = key;
  }

  private publishHealth(always: boolean): void {
    const message = healthMessage(this.service.state, (version) => this.service.gate.health(version), Date.now());
    const key = JSON.stringify(message.versions);
    if (!always && key === this.lastHealth) return;
    if (this.publish?.(encode('releaseHealth', topic('releaseHealth', {}, this.root), message))) this.lastHealth = key;
  }
}
