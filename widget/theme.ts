/**
 * The themable `--guichet-*` custom properties and the CSS that sets them from outside values
 * (the shop's theme from the session, the merchant's computed properties sent to the iframe).
 * Each value must parse as its kind of CSS value, so a value can never end the rule it sits in.
 */
import type { ShopTheme } from './protocol/session.js';

/** Each themable property and the CSS property its value must be valid for. */
export const THEME_PROPERTIES = {
  '--guichet-color-primary': 'color',
  '--guichet-color-on-primary': 'color',
  '--guichet-color-text': 'color',
  '--guichet-color-muted': 'color',
  '--guichet-color-background': 'color',
  '--guichet-color-border': 'color',
  '--guichet-color-error': 'color',
  '--guichet-color-success': 'color',
  '--guichet-color-focus': 'color',
  '--guichet-radius': 'border-radius',
  '--guichet-font-family': 'font-family',
  '--guichet-font-size': 'font-size',
} as const;
/** The name of a themable property. */
export type ThemeProperty = keyof typeof THEME_PROPERTIES;

/** Whether `value` may be given to the themable property `name`. */
function isValid(name: string, value: string): name is ThemeProperty {
  if (!Object.hasOwn(THEME_PROPERTIES, name) || /[;{}<>]/.test(value)) return false;
  return CSS.supports(THEME_PROPERTIES[name as ThemeProperty], value);
}

/** A rule on `selector` setting the valid entries of `vars` (others are dropped). */
export function themeRule(selector: string, vars: Record<string, string>): string {
  const declarations = Object.entries(vars)
    .map(([name, value]) => [name, value.trim()] as const)
    .filter(([name, value]) => value !== '' && isValid(name, value))
    .map(([name, value]) => `${name}:${value};`);
  return `${selector}{${declarations.join('')}}`;
}

/** The properties a shop's theme (merchants file) sets. */
export function shopThemeVars(theme: ShopTheme | undefined): Record<string, string> {
  const vars: Record<string, string> = {};
  if (theme?.primaryColor) vars['--guichet-color-primary'] = theme.primaryColor;
  if (theme?.backgroundColor) vars['--guichet-color-background'] = theme.backgroundColor;
  if (theme?.textColor) vars['--guichet-color-text'] = theme.textColor;
  if (theme?.borderRadius) vars['--guichet-radius'] = theme.borderRadius;
  return vars;
}

/** The themable properties as computed on `element` (what the merchant's CSS set), for the iframe. */
export function computedThemeVars(element: Element): Record<string, string> {
  const style = getComputedStyle(element);
  const vars: Record<string, string> = {};
  for (const name of Object.keys(THEME_PROPERTIES)) {
    const value = style.getPropertyValue(name).trim();
    if (value) vars[name] = value;
  }
  return vars;
}
