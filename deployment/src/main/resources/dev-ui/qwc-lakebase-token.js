import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/button';
import '@vaadin/progress-bar';

/**
 * The Lakebase login at a glance: endpoint, role, the token's remaining life, refreshes and the last error.
 * The token itself is never sent to this page.
 */
export class QwcLakebaseToken extends LitElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        .status { display: grid; grid-template-columns: max-content auto; gap: 4px 16px; padding: 16px; }
        .key { font-weight: bold; }
        .down { color: var(--lumo-error-text-color); }
        .actions { display: flex; gap: 8px; padding: 0 16px 16px; }
    `;

    static properties = {
        _status: { state: true },
        _busy: { state: true }
    };

    connectedCallback() {
        super.connectedCallback();
        this._load('getStatus');
        this._timer = setInterval(() => this._load('getStatus'), 5000);
    }

    disconnectedCallback() {
        clearInterval(this._timer);
        super.disconnectedCallback();
    }

    _load(method) {
        this._busy = method !== 'getStatus';
        this.jsonRpc[method]().then(response => {
            this._status = response.result;
            this._busy = false;
        });
    }

    render() {
        if (!this._status) {
            return html`<vaadin-progress-bar indeterminate></vaadin-progress-bar>`;
        }
        const rows = Object.entries(this._status).filter(([key]) => key !== 'healthy');
        return html`
            <div class="status">
                <span class="key">state</span>
                <span class="${this._status.healthy ? '' : 'down'}">${this._status.healthy ? 'ready' : 'not ready'}</span>
                ${rows.map(([key, value]) => html`<span class="key">${key}</span><span>${value}</span>`)}
            </div>
            <div class="actions">
                <vaadin-button ?disabled=${this._busy} @click=${() => this._load('refreshTokenNow')}>Refresh token now</vaadin-button>
                <vaadin-button ?disabled=${this._busy} @click=${() => this._load('flushPool')}>Flush pool</vaadin-button>
            </div>`;
    }
}
customElements.define('qwc-lakebase-token', QwcLakebaseToken);
