import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Asks its host to check again when the user comes back to the page (the window gets focus, the tab
 * is shown again) and every `seconds()` while the page is visible, so a standing that changed
 * elsewhere — paid by a colleague, locked overnight — shows without a reload. 0 seconds: no interval.
 */
export class RecheckController implements ReactiveController {
  readonly #recheck: () => void;
  readonly #seconds: () => number;
  #timer?: ReturnType<typeof setInterval>;
  #scheduledSeconds = 0;

  constructor(host: ReactiveControllerHost, recheck: () => void, seconds: () => number) {
    this.#recheck = recheck;
    this.#seconds = seconds;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('focus', this.#handleReturn);
    document.addEventListener('visibilitychange', this.#handleReturn);
    this.#schedule();
  }

  hostUpdated(): void {
    if (this.#seconds() !== this.#scheduledSeconds) this.#schedule();
  }

  hostDisconnected(): void {
    window.removeEventListener('focus', this.#handleReturn);
    document.removeEventListener('visibilitychange', this.#handleReturn);
    clearInterval(this.#timer);
  }

  #schedule(): void {
    clearInterval(this.#timer);
    this.#scheduledSeconds = this.#seconds();
    if (this.#scheduledSeconds > 0) this.#timer = setInterval(this.#handleReturn, this.#scheduledSeconds * 1000);
  }

  // A hidden page is checked when it is shown again, not on every tick while nobody looks.
  readonly #handleReturn = (): void => {
    if (document.visibilityState === 'visible') this.#recheck();
  };
}
