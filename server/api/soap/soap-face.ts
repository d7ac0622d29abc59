import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { MalformedRequestError } from '../../errors.js';
import type { Logger } from '../../logging/logger.js';
import type { Merchant } from '../../merchants/merchant.js';
import { authenticatedMerchant } from '../auth/merchant-auth.js';
import { BASIC_CHALLENGE } from '../http-errors.js';
import { runOperation, type OperationContext, type OperationDef, type PaylineService } from '../operation.js';
import { SERVICE_NAMES } from './payline-services.js';
import { dispatch } from './soap-dispatch.js';
import { requestElement, soapEnvelope } from './soap-envelope.js';
import { faultEnvelope, soapFaultOf } from './soap-fault.js';
import { encodeResponse } from './object-to-xml.js';
import { serviceWsdl } from './wsdl.js';
import { readXml } from './xml-reader.js';
import { elementToObject } from './xml-to-object.js';

/**
 * The Payline SOAP face: `POST /V4/services/{WebPaymentAPI|DirectPaymentAPI|ExtendedAPI}`,
 * SOAP 1.1 document/literal, HTTP Basic as on JSON, the same operations, schema and handlers;
 * `GET /V4/services/{service}?wsdl` serves the WSDL generated from that schema (no credentials
 * needed). It only decodes and encodes: every Payline outcome is `<impl:xxxResponse>` with its
 * result; what stops a request before the core is a SOAP Fault (soap-fault.ts).
 */
export interface SoapFaceOptions {
  operations: ReadonlyMap<string, OperationDef>;
  authenticate: express.RequestHandler;
  contextFor: (merchant: Merchant) => OperationContext;
  /** The same limit as JSON; a larger body is HTTP 413 with a Client Fault. */
  bodyLimit: string;
  /** The gateway's public base URL, for the WSDL's soap:address (read at each ?wsdl: it may be known only once the gateway listens). */
  publicUrl: () => string;
  logger: Logger;
}

const XML = 'text/xml; charset=utf-8';
const SERVICE_PATH = '/V4/services/:service';

export function soapFace(options: SoapFaceOptions): Router {
  const router = express.Router();
  const services = new Set<string>(SERVICE_NAMES);
  const wsdls = new Map<PaylineService, { url: string; wsdl: string }>();
  /** The service's WSDL, generated once per public URL. */
  function wsdlOf(service: PaylineService): string {
    const url = options.publicUrl();
    let cached = wsdls.get(service);
    if (cached?.url !== url) wsdls.set(service, (cached = { url, wsdl: serviceWsdl(service, options.operations.values(), url) }));
    return cached.wsdl;
  }
  // Generated at start-up too, so a schema the WSDL cannot express stops the gateway at once.
  for (const service of SERVICE_NAMES) wsdlOf(service);
  const readBody = express.text({ type: () => true, limit: options.bodyLimit, defaultCharset: 'utf-8' });

  function knownService(req: Request, _res: Response, next: NextFunction): void {
    next(services.has(String(req.params.service)) ? undefined : 'router');
  }

  router.get(SERVICE_PATH, knownService, function serveWsdl(req: Request, res: Response) {
    const service = String(req.params.service) as PaylineService;
    if (!Object.keys(req.query).some((key) => key.toLowerCase() === 'wsdl')) {
      res.type('text/plain').send(`${service}: Payline SOAP 1.1 service; POST SOAP requests here, WSDL at ?wsdl\n`);
      return;
    }
    res.type(XML).send(wsdlOf(service));
  });

  router.post(SERVICE_PATH, knownService, options.authenticate, readBody, async function handleSoap(req: Request, res: Response) {
    if (typeof req.body !== 'string' || req.body.trim() === '') throw new MalformedRequestError('the request body is empty: a SOAP envelope is expected');
    const element = requestElement(readXml(req.body));
    const route = dispatch(String(req.params.service) as PaylineService, options.operations, element);
    const [response, answer] =
      route.kind === 'run'
        ? [route.operation.response, await runOperation(route.operation, options.contextFor(authenticatedMerchant(res)), elementToObject(element))]
        : [route.response, route.answer];
    res.locals.resultCode = (answer.result as { code?: string } | undefined)?.code;
    res.type(XML).send(soapEnvelope(encodeResponse(response, answer)));
  });

  router.use('/V4/services', function handleSoapError(error: unknown, req: Request, res: Response, next: NextFunction) {
    if (res.headersSent) return next(error);
    const fault = soapFaultOf(error);
    if (fault.status === 401) res.setHeader('WWW-Authenticate', BASIC_CHALLENGE);
    if (fault.faultCode === 'Server') options.logger.error({ err: error, path: req.path }, 'SOAP request failed');
    res.status(fault.status).type(XML).send(faultEnvelope(fault));
  });
  return router;
}
