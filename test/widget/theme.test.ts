/** Theme values reach CSS only as valid values of their kind (theme.ts). */
import { expect } from '@esm-bundle/chai';
import { shopThemeVars, themeRule } from '../../widget/theme.js';

describe('theme', () => {
  it('writes the valid properties', () => {
    expect(themeRule(':host', { '--guichet-color-primary': '#123456', '--guichet-radius': '4px', '--guichet-font-family': 'Georgia, serif' }))
      .to.equal(':host{--guichet-color-primary:#123456;--guichet-radius:4px;--guichet-font-family:Georgia, serif;}');
  });

  it('drops unknown properties and values that are not of their kind or would end the rule', () => {
    expect(themeRule(':root', {
      '--other': 'red',
      '--guichet-color-text': '12px',
      '--guichet-color-primary': 'red;}body{display:none',
      '--guichet-color-error': 'red</style>',
      '--guichet-radius': '',
    })).to.equal(':root{}');
  });

  it('maps the shop’s theme', () => {
    expect(shopThemeVars({ primaryColor: '#000', borderRadius: '0' })).to.deep.equal({ '--guichet-color-primary': '#000', '--guichet-radius': '0' });
    expect(shopThemeVars(undefined)).to.deep.equal({});
  });
});
