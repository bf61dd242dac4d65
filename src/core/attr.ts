/**
 * Reading an attribute where it is asked of every element of a page. Imports nothing, so that
 * any module may use it.
 */

/**
 * `el.getAttribute(name)`, by its attribute node: on linkedom, getAttribute costs several times
 * as much (it asks the document whether names fold case on every call, and builds the class
 * from a token list each time: indexing a page took four times as long). `name` in lower case,
 * as HTML's attribute names are.
 */
export function attributeOf(el: Element, name: string): string | null {
  return el.getAttributeNode(name)?.value ?? null;
}
