/** Registers <guichet-wallet-manager>: imported with `import()` by the checkout when MANAGE_WEB_WALLET is shown. */
import { GuichetWalletManager } from './wallet-manager.component.js';

if (!customElements.get('guichet-wallet-manager')) customElements.define('guichet-wallet-manager', GuichetWalletManager);

declare global {
  interface HTMLElementTagNameMap {
    'guichet-wallet-manager': GuichetWalletManager;
  }
}
