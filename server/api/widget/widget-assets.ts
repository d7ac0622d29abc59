import express, { type Request, type Response, type Router } from 'express';
import type { MerchantDirectory } from '../../merchants/merchant-directory.js';
import { anyAllowsWidgetOrigin, isWebOrigin } from '../../merchants/widget-origins.js';
import type { ServiceSettings } from '../../service/deps.js';
import type { WebPaymentsService } from '../../service/web-payments-service.js';
import { contentSecurityPolicy, newNonce } from '../../http/page-security.js';
import { AssetFiles, type Asset } from './asset-files.js';
import { isGatewayOrigin, mayEmbed } from './widget-origin.js';
import { TOKEN } from './widget-routes.js';

/**
 * The widget's files under `/widget/` (docs/WIDGET-PROTOCOL.md "Files"): `guichet.js` and
 * `fields.html` keep their names and are cached briefly; the hashed files the build's
 * manifest lists are cached for a year, immutable. Scripts answer CORS (module scripts are
 * fetched in CORS mode) for any origin some merchant allows. `fields.html?token=…&origin=…`
 * gets a CSP whose frame-ancestors is that origin, once checked against the token's merchant.
 */
export interface WidgetAssetsOptions {
  /** The build's folder, dist/widget. */
  dir: string;
  merchants: MerchantDirectory;
  webPayments: WebPaymentsService;
  settings: Pick<ServiceSettings, 'publicUrl'>;
}

const ENTRY_POINTS = ['guichet.js', 'fields.html', 'manifest.json'] as const;
const SHORT = 'public, max-age=300';
const IMMUTABLE = 'public, max-age=31536000, immutable';

function notBuilt(res: Response): void {
  res.status(503).type('text/plain').send('the widget is not built: run `npm run build:widget`');
}

function plain(res: Response, status: number, message: string): void {
  res.status(status).set('Cache-Control', 'no-store').type('text/plain').send(message);
}

/** Sends a file as built, gzipped when the client takes it, with its ETag (304 when it already has it). */
function sendAsset(req: Request, res: Response, asset: Asset): void {
  res.vary('Accept-Encoding');
  res.set({ 'Content-Type': asset.contentType, 'X-Content-Type-Options': 'nosniff', ETag: asset.etag });
  if (req.get('if-none-match') === asset.etag) return void res.status(304).end();
  const gzip = req.acceptsEncodings('gzip', 'identity') === 'gzip';
  if (gzip) res.set('Content-Encoding', 'gzip');
  res.send(gzip ? asset.gzip : asset.body);
}

export function widgetAssets(options: WidgetAssetsOptions): Router {
  const { merchants, webPayments, settings } = options;
  const files = new AssetFiles(options.dir);
  const router = express.Router();

  router.get('/widget/fields.html', async function fieldsPage(req, res) {
    const asset = await files.read('fields.html');
    if (!asset) return notBuilt(res);
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const origin = typeof req.query.origin === 'string' ? req.query.origin : '';
    const session = TOKEN.test(token) ? await webPayments.session(token) : undefined;
    const merchant = session && merchants.get(session.merchantId);
    if (!merchant) return plain(res, 404, 'unknown payment token');
    if (!isWebOrigin(origin) || !mayEmbed(req, merchant, origin, settings.publicUrl)) return plain(res, 403, 'origin is not allowed to embed this payment');
    const nonce = newNonce();
    const page = asset.body.toString('utf8').replace(/<(script|style|link)\b/g, `<$1 nonce="${nonce}"`);
    res.set({
      'Content-Type': asset.contentType,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': contentSecurityPolicy({
        'script-src': ["'self'", `'nonce-${nonce}'`],
        'style-src': ["'self'", `'nonce-${nonce}'`],
        'connect-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'form-action': ["'none'"],
        'frame-ancestors': [origin],
      }),
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'private, max-age=60',
    });
    res.send(page);
  });

  router.get('/widget/*path', async function widgetFile(req, res, next) {
    const name = (req.params as { path: string[] }).path.join('/');
    const asset = await files.read(name);
    if (!asset) {
      if (!(await files.read('guichet.js'))) return notBuilt(res);
      return next();
    }
    const origin = req.get('origin');
    res.vary('Origin');
    if (origin !== undefined && (isGatewayOrigin(req, origin, settings.publicUrl) || anyAllowsWidgetOrigin(merchants.all(), origin))) {
      res.set('Access-Control-Allow-Origin', origin);
    }
    const hashed = !(ENTRY_POINTS as readonly string[]).includes(name) && (await files.hashedNames(ENTRY_POINTS)).has(name);
    res.set({ 'Cache-Control': hashed ? IMMUTABLE : SHORT, 'Cross-Origin-Resource-Policy': 'cross-origin' });
    sendAsset(req, res, asset);
  });

  return router;
}
