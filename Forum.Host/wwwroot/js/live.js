// One live session over the hub every client uses (/hubs/sessions): join, apply BoardChanged in version order,
// show a lost connection, and resynchronise (join again) on reconnect or on a gap in versions.
import { applyChange, mergeAttendees } from './board.js';
import { get } from './api.js';
import { t } from './i18n.js';

const retryDelays = [0, 300, 1000, 2000, 3000];
// With several hosts, two pushes may cross on the way (ADR 0019): one that starts past the board waits this long for
// the one before it before the page joins again.
const gapHoldMs = 500;

export class LiveSession {
  /**
   * options: sessionId, token (room display), attendees (true: the page lists everyone present, paged in after each join),
   * onBoard(board, change), onRefused(submissionId, problem), onMinutes(change), onError(message)
   */
  constructor(options) {
    this.options = options;
    this.sessionId = options.sessionId;
    this.board = null;
    this.pending = [];
    this.held = [];
    this.joining = false;
    this.joinAgain = false;
    this.wasConnected = false;
    const signalR = window.signalR;
    const transport = {
      // WebSockets only: a lost socket is a lost connection, shown at once; cookies or the token travel with it.
      transport: signalR.HttpTransportType.WebSockets,
      skipNegotiation: true,
    };
    if (options.token) transport.accessTokenFactory = () => options.token;
    this.connection = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/sessions', transport)
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => retryDelays[ctx.previousRetryCount] ?? 5000 })
      .configureLogging(signalR.LogLevel.None)
      .build();
    this.connection.on('BoardChanged', (sessionId, version, change) => { if (sessionId === this.sessionId) this.receive(change); });
    this.connection.on('SubmissionRefused', (sessionId, submissionId, problem) => {
      if (sessionId === this.sessionId) this.options.onRefused?.(submissionId, problem);
    });
    this.connection.on('MinutesChanged', (sessionId, change) => { if (sessionId === this.sessionId) this.options.onMinutes?.(change); });
    this.connection.onreconnecting(() => this.lost());
    this.connection.onreconnected(() => this.join());
    this.connection.onclose(() => { this.lost(); this.startWithRetries(1); });
  }

  async start() { await this.startWithRetries(0); }

  async startWithRetries(attempt) {
    for (;;) {
      try {
        await this.connection.start();
        await this.join();
        return;
      } catch {
        if (attempt > 0 || this.wasConnected) this.lost();
        else this.banner(true);
        await new Promise((r) => setTimeout(r, retryDelays[Math.min(attempt, retryDelays.length - 1)] || 1000));
        attempt++;
      }
    }
  }

  receive(change) {
    if (this.joining || !this.board) { this.pending.push(change); return; }
    const result = applyChange(this.board, change);
    if (result === 'gap') { this.hold(change); return; }
    if (result === 'applied') this.options.onBoard(this.board, change);
    for (;;) {
      const next = this.held.sort((a, b) => a.fromVersion - b.fromVersion).find((c) => c.fromVersion <= this.board.version);
      if (!next) break;
      this.held = this.held.filter((c) => c !== next);
      if (applyChange(this.board, next) === 'applied') this.options.onBoard(this.board, next);
    }
    if (!this.held.length) clearTimeout(this.gapTimer);
  }

  hold(change) {
    this.held.push(change);
    if (this.held.length > 1) return;
    this.gapTimer = setTimeout(() => { if (this.held.length) this.join(); }, gapHoldMs);
  }

  /** Join (again): the server answers the board as it stands; pushes that arrived meanwhile are applied on top. */
  async join() {
    if (this.joining) { this.joinAgain = true; return; }
    this.joining = true;
    this.pending = [];
    this.held = [];
    clearTimeout(this.gapTimer);
    try {
      const joined = await this.connection.invoke('Join', this.sessionId);
      // Never show an older board after a newer one.
      if (!this.board || joined.version >= this.board.version) this.board = joined.board;
      // The caller's own vote in the round open now (the board counts votes, never says whose): pages keep it on the board.
      this.board.yourBallot = joined.yourBallot || null;
      // A join is light (ADR 0013): the board, the positions on the current item, and one's own attendance.
      if (this.options.attendees) await this.loadAttendees();
      this.joining = false;
      const waiting = this.pending.sort((a, b) => a.fromVersion - b.fromVersion);
      this.pending = [];
      this.wasConnected = true;
      this.banner(false);
      this.options.onBoard(this.board, null);
      for (const change of waiting) this.receive(change);
    } catch (err) {
      this.joining = false;
      if (this.connection.state === 'Connected') this.options.onError?.(String(err.message || err).replace(/^.*HubException: /, ''));
    } finally {
      if (this.joinAgain) { this.joinAgain = false; this.join(); }
    }
  }

  /** Everyone present, page by page, merged by version with what pushes already brought. */
  async loadAttendees() {
    for (let page = 0; page !== null && page !== undefined;) {
      const result = await get(`/api/sessions/${this.sessionId}/attendees?page=${page}`);
      mergeAttendees(this.board, result.attendees);
      page = result.next;
    }
  }

  lost() { this.banner(true); }

  banner(show) {
    const banner = document.getElementById('banner');
    if (!banner) return;
    banner.textContent = show ? t('live.lost') : '';
    banner.hidden = !show;
  }
}
