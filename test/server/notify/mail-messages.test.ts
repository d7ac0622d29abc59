import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatAmount, mailLanguage } from '../../../server/notify/mail-messages.js';

describe('email language and amounts', () => {
  it('picks the session’s language, else the merchant’s, else French', () => {
    const cases: [string | undefined, string | undefined, string][] = [
      ['fr', 'en', 'fr'],
      ['FR', 'en', 'fr'],
      ['fre', 'en', 'fr'],
      ['en', 'fr', 'en'],
      ['eng', 'fr', 'en'],
      ['en-GB', undefined, 'en'],
      ['de', 'en', 'en'],
      [undefined, 'en', 'en'],
      ['it', undefined, 'fr'],
      [undefined, undefined, 'fr'],
    ];
    for (const [session, merchant, expected] of cases) assert.equal(mailLanguage(session, merchant), expected, `${session} ${merchant}`);
  });

  it('writes amounts exactly, in the language’s way', () => {
    assert.match(formatAmount(4250, 978, 'fr'), /^42,50\s€$/);
    assert.equal(formatAmount(4250, 978, 'en'), '€42.50');
    assert.match(formatAmount(123456789012, 978, 'fr'), /^1\s234\s567\s890,12\s€$/);
    assert.equal(formatAmount(1500, 392, 'en'), 'JP¥1,500');
    assert.match(formatAmount(1234, 414, 'en'), /^KWD\s1\.234$/);
  });
});
