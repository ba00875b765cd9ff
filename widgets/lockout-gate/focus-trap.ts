/**
 * The elements Tab stops at among `elements` and inside them, in document order, looking through
 * shadow roots and slots: the lock screen is made of portal elements, each with its own shadow root.
 */
export function tabbableIn(elements: Iterable<Element>): HTMLElement[] {
  return [...elements].flatMap((element) => {
    const children = element instanceof HTMLSlotElement ? element.assignedElements({ flatten: true }) : (element.shadowRoot ?? element).children;
    const isTabbable = element instanceof HTMLElement && element.tabIndex >= 0 && !element.matches(':disabled') && element.checkVisibility();
    return isTabbable ? [element, ...tabbableIn(children)] : tabbableIn(children);
  });
}

/** The element that has focus, looking into shadow roots (document.activeElement stops at the outermost host). */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * A keydown handler for `container` (focusable itself, with tabindex="-1"): Tab from its last stop
 * goes to its first, Shift+Tab from its first stop (or from the container) goes to its last.
 */
export function keepTabInside(event: KeyboardEvent, container: HTMLElement): void {
  if (event.key !== 'Tab') return;
  const stops = tabbableIn(container.children);
  const active = deepActiveElement();
  const isLeaving = event.shiftKey ? active === container || active === stops[0] : active === stops.at(-1);
  if (!isLeaving && stops.length > 0) return;
  event.preventDefault();
  (event.shiftKey ? stops.at(-1) : stops[0])?.focus();
}
