/**
 * Keeps Tab inside the lightbox: a modal <dialog> makes the page inert, but Tab past its last
 * element still leaves for the browser's own controls. Looks through shadow roots and slots, so
 * the parts of nested components and the slotted card iframe count in their rendered order.
 */

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), iframe, [tabindex]';

/** The elements Tab stops on under `root`, in order (our parts use no positive tabindex). */
export function tabbables(root: ParentNode): HTMLElement[] {
  const children = root instanceof HTMLSlotElement ? root.assignedElements({ flatten: true }) : [...root.children];
  return children.flatMap((child) => {
    if (!(child instanceof HTMLElement) || !child.checkVisibility()) return [];
    const own = child.matches(FOCUSABLE) && child.tabIndex >= 0 ? [child] : [];
    return [...own, ...tabbables(child.shadowRoot ?? child)];
  });
}

/** A keydown in `container`: Tab on its last element goes to its first, Shift+Tab the other way. */
export function trapTab(event: KeyboardEvent, container: HTMLElement): void {
  if (event.key !== 'Tab') return;
  const stops = tabbables(container);
  const target = event.composedPath()[0];
  const wrapTo = event.shiftKey ? (target === stops[0] ? stops.at(-1) : undefined) : target === stops.at(-1) ? stops[0] : undefined;
  if (!wrapTo) return;
  event.preventDefault();
  wrapTo.focus();
}
