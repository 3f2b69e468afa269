/** Options for {@link el}: everything is set as attributes or text, never parsed as HTML. */
export interface ElementOptions {
  className?: string;
  text?: string;
  attrs?: Record<string, string | undefined>;
}

type Child = Node | string | null | undefined | false;

/** Creates an element whose text and attributes are set without ever parsing HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  if (options.text !== undefined) element.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (value !== undefined) element.setAttribute(name, value);
  }
  append(element, children);
  return element;
}

/** Appends nodes and strings (as text nodes) to a parent, skipping empty entries. */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Removes every child of a node, so no text from a conversation lingers in the DOM. */
export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}
