// Tiny DOM helpers. The page never builds HTML from strings: host data is untrusted text, and the
// CSP forbids inline styles, so every node is created with createElement and filled with textContent.

type Attrs = Readonly<Record<string, string | undefined>>;

/** An element with attributes (undefined ones skipped) and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, children: readonly (Node | string)[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

/** Writes only on change, so screen readers and MutationObservers see real changes only. */
export function setText(node: Element, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** Sets, or removes when undefined, only on change. */
export function setAttr(node: Element, name: string, value: string | undefined): void {
  if (value === undefined) {
    if (node.hasAttribute(name)) node.removeAttribute(name);
  } else if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/**
 * Puts `children` into `parent` in this order, moving only the nodes that are out of place: a node
 * that holds focus or a scrolled chart keeps it when its siblings change.
 */
export function placeChildren(parent: Element, children: readonly Element[]): void {
  let cursor: ChildNode | null = parent.firstChild;
  for (const child of children) {
    if (child === cursor) {
      cursor = cursor.nextSibling;
      continue;
    }
    parent.insertBefore(child, cursor);
  }
  while (cursor) {
    const next: ChildNode | null = cursor.nextSibling;
    cursor.remove();
    cursor = next;
  }
}

let idCounter = 0;
/** A document-unique id for aria-describedby / aria-labelledby links. */
export function uniqueId(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}
