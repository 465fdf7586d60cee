import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/button';
import '@vaadin/progress-bar';

/**
 * Every Lakebase datasource at a glance, the default one first: endpoint, role, the token's remaining life, refreshes,
 * the last error and the pool's connections, with "refresh token now" and "flush pool" for that datasource.
 * The token itself is never sent to this page.
 */
export class QwcLakebaseToken extends LitElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        .datasource { padding: 16px 16px 0; margin: 0; font-size: var(--lumo-font-size-l); }
        .status { display: grid; grid-template-columns: max-content auto; gap: 4px 16px; padding: 8px 16px 16px; }
        .key { font-weight: bold; }
        .down { color: var(--lumo-error-text-color); }
        .actions { display: flex; gap: 8px; padding: 0 16px 16px; }
    `;

    static properties = {
        _datasources: { state: true },
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

    /** Calls the backend; every method answers with the status of all datasources. */
    _load(method, params) {
        this._busy = method !== 'getStatus';
        this.jsonRpc[method](params).then(response => {
            this._datasources = response.result;
            this._busy = false;
        });
    }

    render() {
        if (!this._datasources) {
            return html`<vaadin-progress-bar indeterminate></vaadin-progress-bar>`;
        }
        return html`${this._datasources.map(status => this._renderDatasource(status))}`;
    }

    _renderDatasource(status) {
        const name = status.datasource;
        const rows = Object.entries(status).filter(([key]) => key !== 'healthy' && key !== 'datasource');
        return html`
            <h3 class="datasource">${name === '<default>' ? 'Default datasource' : `Datasource "${name}"`}</h3>
            <div class="status">
                <span class="key">state</span>
                <span class="${status.healthy ? '' : 'down'}">${status.healthy ? 'ready' : 'not ready'}</span>
                ${rows.map(([key, value]) => html`<span class="key">${key}</span><span>${value}</span>`)}
            </div>
            <div class="actions">
                <vaadin-button ?disabled=${this._busy}
                    @click=${() => this._load('refreshTokenNow', { datasource: name })}>Refresh token now</vaadin-button>
                <vaadin-button ?disabled=${this._busy}
                    @click=${() => this._load('flushPool', { datasource: name })}>Flush pool</vaadin-button>
            </div>`;
    }
}
customElements.define('qwc-lakebase-token', QwcLakebaseToken);
