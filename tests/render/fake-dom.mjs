// A document for the renderers to build with in Node: only what they call
// (createElement, createTextNode, createDocumentFragment; append, prepend,
// textContent, className, classList, dataset, setAttribute and the reflected
// properties they set), so that a renderer reaching for anything else fails
// here. There is no markup at all: innerHTML and its kin throw, so article
// text can only ever arrive as text nodes.
const REFLECTED = { id: "id", className: "class", href: "href", title: "title", type: "type", scope: "scope", start: "start", tabIndex: "tabindex" };

class FakeNode {
  constructor(doc) {
    this.ownerDocument = doc;
    this.parentNode = null;
    this.childNodes = [];
  }

  get firstChild() {
    return this.childNodes[0] ?? null;
  }

  get lastChild() {
    return this.childNodes[this.childNodes.length - 1] ?? null;
  }

  get parentElement() {
    return this.parentNode instanceof FakeElement ? this.parentNode : null;
  }

  #adopt(nodes) {
    const out = [];
    for (const node of nodes) {
      if (typeof node === "string") out.push(this.ownerDocument.createTextNode(node));
      else if (node instanceof FakeFragment) out.push(...node.childNodes.splice(0));
      else {
        if (!(node instanceof FakeNode)) throw new TypeError(`not a node: ${node}`);
        node.remove();
        out.push(node);
      }
    }
    for (const node of out) node.parentNode = this;
    return out;
  }

  append(...nodes) {
    this.childNodes.push(...this.#adopt(nodes));
  }

  prepend(...nodes) {
    this.childNodes.unshift(...this.#adopt(nodes));
  }

  remove() {
    if (!this.parentNode) return;
    const siblings = this.parentNode.childNodes;
    siblings.splice(siblings.indexOf(this), 1);
    this.parentNode = null;
  }

  get textContent() {
    return this.childNodes.map((node) => node.textContent).join("");
  }

  set textContent(text) {
    for (const node of this.childNodes) node.parentNode = null;
    this.childNodes = [];
    if (text !== "") this.append(String(text));
  }
}

class FakeText extends FakeNode {
  constructor(doc, data) {
    super(doc);
    this.nodeType = 3;
    this.data = String(data);
  }

  get textContent() {
    return this.data;
  }

  append() {
    throw new TypeError("a text node has no children");
  }
}

class FakeFragment extends FakeNode {
  nodeType = 11;
}

const markup = () => {
  throw new Error("the renderers never use markup");
};

class FakeElement extends FakeNode {
  constructor(doc, tag) {
    super(doc);
    this.nodeType = 1;
    this.localName = tag.toLowerCase();
    this.attributes = new Map();
    const element = this;
    this.dataset = new Proxy(
      {},
      {
        get: (_, key) => element.getAttribute(`data-${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`) ?? undefined,
        set: (_, key, value) => (element.setAttribute(`data-${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, value), true),
      },
    );
    this.classList = {
      add: (...names) => (this.className = [...new Set([...this.classList.values(), ...names])].join(" ")),
      remove: (...names) => (this.className = this.classList.values().filter((n) => !names.includes(n)).join(" ")),
      contains: (name) => this.classList.values().includes(name),
      values: () => (this.getAttribute("class") ?? "").split(/\s+/).filter(Boolean),
    };
  }

  get tagName() {
    return this.localName.toUpperCase();
  }

  setAttribute(name, value) {
    this.attributes.set(name.toLowerCase(), String(value));
  }

  getAttribute(name) {
    return this.attributes.get(name.toLowerCase()) ?? null;
  }

  hasAttribute(name) {
    return this.attributes.has(name.toLowerCase());
  }

  removeAttribute(name) {
    this.attributes.delete(name.toLowerCase());
  }

  get children() {
    return this.childNodes.filter((node) => node instanceof FakeElement);
  }

  set innerHTML(_) {
    markup();
  }

  set outerHTML(_) {
    markup();
  }

  insertAdjacentHTML() {
    markup();
  }
}

for (const [property, attribute] of Object.entries(REFLECTED)) {
  Object.defineProperty(FakeElement.prototype, property, {
    get() {
      const value = this.getAttribute(attribute);
      return property === "tabIndex" || property === "start" ? (value == null ? undefined : Number(value)) : (value ?? "");
    },
    set(value) {
      this.setAttribute(attribute, value);
    },
  });
}

/** A fresh fake document. */
export function fakeDocument() {
  const doc = {
    createElement: (tag) => new FakeElement(doc, tag),
    createTextNode: (text) => new FakeText(doc, text),
    createDocumentFragment: () => new FakeFragment(doc),
  };
  return doc;
}

/** Every element under `root` (itself included when an element), in document order. */
export function* elements(root) {
  if (root instanceof FakeElement) yield root;
  for (const child of root.childNodes) if (!(child instanceof FakeText)) yield* elements(child);
}

/** The elements under `root` that `match(element)` accepts. */
export const all = (root, match) => [...elements(root)].filter(match);

/** An element's test by class: `all(root, hasClass("wd-ins"))`. */
export const hasClass = (name) => (element) => element.classList.contains(name);

/** The text a reader sees under `root`: text nodes outside the hidden labels (.wd-sr-only) and `skip`. */
export function seenText(root, skip = () => false) {
  if (root instanceof FakeText) return root.data;
  if (root instanceof FakeElement && (root.classList.contains("wd-sr-only") || skip(root))) return "";
  return root.childNodes.map((child) => seenText(child, skip)).join("");
}

/** The text nodes under `root`, in order. */
export function textNodes(root) {
  if (root instanceof FakeText) return [root];
  return root.childNodes.flatMap(textNodes);
}

/** Whether `node` lies inside an element that `match` accepts (itself included). */
export function inside(node, match) {
  for (let at = node instanceof FakeElement ? node : node.parentElement; at; at = at.parentElement) if (match(at)) return true;
  return false;
}
