// <worker-stats>: the Workers Statistics widget as a custom element.
//
// This file only wires attributes, lifecycle and the DOM. Fetching,
// validation, aggregation and rendering happen in C++ (worker-stats-core.mjs
// + .wasm, loaded once per page from next to this file, so the widget works
// from any static host and any sub-path).
//
//   <script type="module" src="worker-stats.js"></script>
//   <worker-stats workspace-sid="WS..." endpoint="https://proxy.example" refresh="30"></worker-stats>
//   element.setCredentials(accountSid, authToken)   // memory only, never an attribute
//
// Events: worker-stats-update (detail: {valid, errors, warnings, summary, rate_limit})
//         worker-stats-error  (detail: {kind, title, message, status, twilio_code, more_info, errors, rate_limit})

const coreUrl = new URL('./worker-stats-core.mjs', import.meta.url);
const styleUrl = new URL('./worker-stats.css', import.meta.url);

let corePromise = null;

/** Loads the wasm module once per page; resolves to the Embind API. */
export function loadWorkerStatsCore() {
  if (!corePromise) {
    corePromise = import(coreUrl.href).then((m) =>
      m.default({ locateFile: (file) => new URL(file, coreUrl).href }));
    corePromise.catch(() => { corePromise = null; });  // let a later element try again
  }
  return corePromise;
}

// Attribute -> API query parameter.
const QUERY_ATTRIBUTES = {
  'workspace-sid': 'WorkspaceSid',
  'minutes': 'Minutes',
  'start-date': 'StartDate',
  'end-date': 'EndDate',
  'task-queue-sid': 'TaskQueueSid',
  'task-queue-name': 'TaskQueueName',
  'friendly-name': 'FriendlyName',
  'task-channel': 'TaskChannel',
};
const OTHER_ATTRIBUTES = ['endpoint', 'src', 'refresh', 'demo', 'heading', 'categories', 'timeout'];

export class WorkerStatsElement extends HTMLElement {
  static get observedAttributes() {
    return [...Object.keys(QUERY_ATTRIBUTES), ...OTHER_ATTRIBUTES];
  }

  #view;
  #controller = null;
  #credentials = null;   // {username, password}: private field, never reflected
  #pending = false;      // a reconfiguration is queued for this task
  #generation = 0;       // bumps on disconnect, so a late module load does nothing
  #lastDetail = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = styleUrl.href;
    this.#view = document.createElement('div');
    this.#view.className = 'ws-root';
    this.#view.part = 'widget';
    root.append(link, this.#view);
  }

  connectedCallback() { this.#queueConfigure(); }

  disconnectedCallback() {
    this.#generation++;
    this.#release();
  }

  attributeChangedCallback(_name, oldValue, newValue) {
    if (oldValue !== newValue && this.isConnected) this.#queueConfigure();
  }

  /** Sets Basic credentials (Account SID + Auth Token, or API key + secret). Kept in memory only. */
  setCredentials(username, password) {
    this.#credentials = { username: String(username ?? ''), password: String(password ?? '') };
    // Start over: an answer still on its way was asked for with the old credentials.
    if (this.#controller) this.#queueConfigure();
  }

  clearCredentials() {
    this.#credentials = null;
    if (this.#controller) {
      this.#controller.clearCredentials();
      this.#queueConfigure();
    }
  }

  /** Write-only property form of setCredentials: el.credentials = {username, password}. */
  set credentials(value) {
    if (value) this.setCredentials(value.username, value.password);
    else this.clearCredentials();
  }
  get credentials() { return undefined; }

  /** Fetches now (a request already in flight is not duplicated). */
  refresh() { this.#controller?.refresh(); }

  /** The detail of the last update or error event. */
  get lastDetail() { return this.#lastDetail; }

  #queueConfigure() {
    if (this.#pending) return;
    this.#pending = true;
    // Several attribute changes in one task make one reconfiguration (and one request).
    queueMicrotask(() => {
      this.#pending = false;
      if (this.isConnected) this.#configure();
    });
  }

  #options() {
    const query = {};
    for (const [attribute, parameter] of Object.entries(QUERY_ATTRIBUTES)) {
      const value = this.getAttribute(attribute);
      if (value !== null && value !== '') query[parameter] = value;
    }
    return {
      demo: this.hasAttribute('demo') && this.getAttribute('demo') !== 'false',
      src: this.getAttribute('src') ?? '',
      endpoint: this.getAttribute('endpoint') ?? '',
      refresh: this.getAttribute('refresh') ?? '0',
      timeout: this.getAttribute('timeout') ?? '10',
      title: this.getAttribute('heading') ?? 'Workers',
      categories: this.getAttribute('categories') ?? '',
      query,
    };
  }

  async #configure() {
    const generation = this.#generation;
    let core;
    try {
      core = await loadWorkerStatsCore();
    } catch (error) {
      if (generation === this.#generation) this.#showLoadFailure(error);
      return;
    }
    if (generation !== this.#generation || !this.isConnected) return;
    if (!this.#controller) {
      this.#controller = new core.WorkerStatsController((type, html, detail) => this.#onEvent(type, html, detail));
    }
    this.#controller.configure(this.#options());
    if (this.#credentials) this.#controller.setCredentials(this.#credentials.username, this.#credentials.password);
    this.#controller.start();
  }

  #onEvent(type, html, detailJson) {
    // Called from wasm: nothing may throw back into it.
    try {
      this.#view.innerHTML = html;  // built and escaped by the C++ renderer
      if (type === 'loading') return;
      const detail = JSON.parse(detailJson);
      this.#lastDetail = detail;
      this.dispatchEvent(new CustomEvent(type === 'update' ? 'worker-stats-update' : 'worker-stats-error',
        { detail, bubbles: true, composed: true }));
    } catch (error) {
      queueMicrotask(() => { throw error; });  // report it outside the wasm call
    }
  }

  #showLoadFailure(error) {
    const panel = document.createElement('div');
    panel.className = 'ws-error';
    panel.setAttribute('role', 'alert');
    const title = document.createElement('strong');
    title.textContent = 'The widget could not load';
    const message = document.createElement('p');
    message.textContent = String(error && error.message ? error.message : error);
    panel.append(title, message);
    this.#view.replaceChildren(panel);
    this.dispatchEvent(new CustomEvent('worker-stats-error', {
      detail: { kind: 'load_failed', title: title.textContent, message: message.textContent, status: 0, twilio_code: null, more_info: '', errors: [] },
      bubbles: true, composed: true,
    }));
  }

  #release() {
    const controller = this.#controller;
    this.#controller = null;
    if (!controller) return;
    controller.stop();
    controller.dispose();
    controller.delete();  // frees the C++ object (Embind handles are not garbage-collected)
  }
}

if (!customElements.get('worker-stats')) customElements.define('worker-stats', WorkerStatsElement);
