import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { JsonValue } from '../core/payment.js';

/**
 * Renders `templates/email/<name>.<lang>.hbs` with the shared layout partial into a subject, an
 * HTML part and a text part. Two Handlebars environments: the HTML one escapes every value (a
 * hostile order ref or buyer name stays text), the subject and text one does not (they are not
 * HTML). A failure names the template, so the log says which one to fix.
 */
export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/** Where the templates live when none is given: the repository's templates/email. */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/email/', import.meta.url));

/** Words of the layout, per language. */
const LAYOUT_TEXT: Record<string, { automatic: string }> = {
  fr: { automatic: 'Ce message vous est envoyé automatiquement ; merci de ne pas y répondre.' },
  en: { automatic: 'This message was sent automatically; please do not reply to it.' },
};

export class MailTemplateError extends Error {
  constructor(
    readonly template: string,
    cause: unknown,
  ) {
    super(`email template ${template} failed: ${(cause as Error).message ?? String(cause)}`, { cause });
    this.name = 'MailTemplateError';
  }
}

type Part = 'subject' | 'html' | 'text';

export class MailRenderer {
  readonly #html = Handlebars.create();
  readonly #plain = Handlebars.create();
  readonly #sources = new Map<string, string>();
  readonly #compiled = new Map<string, { html: Handlebars.TemplateDelegate; plain: Handlebars.TemplateDelegate }>();

  /** Reads every template and partial of `dir` once; they are compiled on first use. */
  constructor(dir: string = DEFAULT_TEMPLATES_DIR) {
    for (const env of [this.#html, this.#plain]) env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    for (const file of readdirSync(join(dir, 'partials')).filter((f) => f.endsWith('.hbs'))) {
      const source = readFileSync(join(dir, 'partials', file), 'utf8');
      const name = file.slice(0, -'.hbs'.length);
      this.#html.registerPartial(name, this.#html.compile(source));
      this.#plain.registerPartial(name, this.#plain.compile(source, { noEscape: true }));
    }
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.hbs'))) {
      this.#sources.set(file.slice(0, -'.hbs'.length), readFileSync(join(dir, file), 'utf8'));
    }
  }

  /** Whether `<name>.<language>.hbs` exists. */
  has(name: string, language: string): boolean {
    return this.#sources.has(`${name}.${language}`);
  }

  render(name: string, language: string, context: { [key: string]: JsonValue }): RenderedMail {
    const template = `${name}.${language}`;
    try {
      const compiled = this.#compile(template);
      const data = { ...context, lang: language, layoutText: LAYOUT_TEXT[language] ?? LAYOUT_TEXT.en };
      const run = (part: Part) => (part === 'html' ? compiled.html : compiled.plain)({ ...data, part });
      return {
        // A header is one line: whatever a value held, the subject cannot break out of it.
        subject: run('subject').replace(/\s+/g, ' ').trim(),
        html: run('html').trim() + '\n',
        text: tidy(run('text')),
      };
    } catch (error) {
      throw new MailTemplateError(template, error);
    }
  }

  #compile(template: string): { html: Handlebars.TemplateDelegate; plain: Handlebars.TemplateDelegate } {
    let compiled = this.#compiled.get(template);
    if (!compiled) {
      const source = this.#sources.get(template);
      if (source === undefined) throw new Error('no such template');
      compiled = { html: this.#html.compile(source), plain: this.#plain.compile(source, { noEscape: true }) };
      this.#compiled.set(template, compiled);
    }
    return compiled;
  }
}

/** Plain text without the blank lines the template's blocks leave: at most one in a row. */
function tidy(text: string): string {
  return text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
