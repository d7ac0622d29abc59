import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from '../../../server/logging/logger.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ destination }), text: () => lines.join('') };
}

describe('logger', () => {
  it('redacts card fields by path', () => {
    const { logger, text } = capture();
    logger.info({ card: { number: '4970101122334455', cvx: '123', type: 'CB' } }, 'paid');
    logger.info({ request: { card: { number: '4970101122334455', cvx: '987' } } }, 'nested');
    const out = text();
    assert.doesNotMatch(out, /4970101122334455/);
    assert.doesNotMatch(out, /"123"|"987"/);
    assert.match(out, /"type":"CB"/);
  });

  it('masks PAN-like digits in messages and free strings, keeps ids and times', () => {
    const { logger, text } = capture();
    logger.info({ detail: 'card 4970 1011 2233 4455 used', transactionId: '123456789012345678' }, 'saw 374200000000004 in a note');
    const out = text();
    assert.doesNotMatch(out, /4970 1011 2233 4455|374200000000004/);
    assert.match(out, /497010XXXXXX4455/);
    assert.match(out, /374200XXXXX0004/);
    assert.match(out, /123456789012345678/);
  });

  it('never writes an authorization header', () => {
    const { logger, text } = capture();
    logger.info({ headers: { authorization: 'Basic ZGVtby1tZXJjaGFudDpkZW1vLWFjY2Vzcy1rZXk=' } }, 'incoming');
    assert.doesNotMatch(text(), /ZGVtby1tZXJjaGFudDpkZW1vLWFjY2Vzcy1rZXk/);
  });
});
