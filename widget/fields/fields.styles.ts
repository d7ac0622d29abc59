/**
 * The fields page's CSS, adopted as a constructed stylesheet (no <style> element, no inline
 * style: the page runs under a strict CSP). Every colour and size is a `--guichet-*` property,
 * which the parent sends from the merchant's theme (guichet:set-theme).
 */
export const fieldsCss = `
:root{--guichet-color-primary:#1d4ed8;--guichet-color-text:#1f2937;--guichet-color-muted:#4b5563;
--guichet-color-background:#fff;--guichet-color-border:#6b7280;--guichet-color-error:#b91c1c;
--guichet-color-focus:#2563eb;--guichet-radius:6px;--guichet-font-size:16px;
--guichet-font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
html,body{margin:0;background:transparent;color:var(--guichet-color-text);
font:var(--guichet-font-size)/1.4 var(--guichet-font-family)}
form{display:grid;gap:12px;padding:2px}
.row{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.field{display:grid;gap:4px;position:relative;align-content:start}
label,#network-label{font-weight:600}
input{box-sizing:border-box;width:100%;min-height:44px;padding:8px 10px;font:inherit;
color:var(--guichet-color-text);background:var(--guichet-color-background);
border:1px solid var(--guichet-color-border);border-radius:var(--guichet-radius)}
.field-number input{padding-right:9em}
input:focus-visible,button:focus-visible{outline:3px solid var(--guichet-color-focus);outline-offset:1px}
input[aria-invalid=true]{border-color:var(--guichet-color-error)}
.brand{position:absolute;right:10px;top:calc(1.4em + 16px);font-size:.85em;font-weight:700;
color:var(--guichet-color-muted);pointer-events:none}
.hint{margin:0;font-size:.85em;color:var(--guichet-color-muted)}
.error{margin:0;font-size:.9em;color:var(--guichet-color-error)}
.error:empty{display:none}
.networks{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.networks[hidden]{display:none}
.network-buttons{display:flex;gap:8px}
.networks button{min-height:36px;min-width:64px;font:inherit;border-radius:var(--guichet-radius);
border:1px solid var(--guichet-color-border);background:var(--guichet-color-background);
color:var(--guichet-color-text);cursor:pointer}
.networks button[aria-pressed=true]{border:2px solid var(--guichet-color-primary);font-weight:700}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`;
