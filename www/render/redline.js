// Renders a comparison as an inline redline: the right text, with what was
// cut shown struck through where it stood. Article text only ever becomes
// text nodes.

const LABELS = { insert: "inserted", delete: "deleted" };

/** A visually hidden label, so the change is not told by colour alone. */
function srLabel(document, text) {
  const label = document.createElement("span");
  label.className = "sr-only";
  label.textContent = text;
  return label;
}

function mark(document, tag, kind, text) {
  const element = document.createElement(tag);
  element.className = `op-${kind}`;
  element.append(srLabel(document, `[${LABELS[kind]}: `), document.createTextNode(text), srLabel(document, "]"));
  return element;
}

/**
 * Builds the redline of `result` for texts `left` and `right`.
 * @returns {DocumentFragment}
 */
export function renderRedline(document, result, left, right) {
  const out = document.createDocumentFragment();
  for (const op of result.ops) {
    const before = left.slice(op.left.start, op.left.end);
    const after = right.slice(op.right.start, op.right.end);
    switch (op.kind) {
      case "equal":
        out.append(document.createTextNode(after));
        break;
      case "insert":
        out.append(mark(document, "ins", "insert", after));
        break;
      case "delete":
        out.append(mark(document, "del", "delete", before));
        break;
      case "replace":
        out.append(mark(document, "del", "delete", before), mark(document, "ins", "insert", after));
        break;
      default:
        throw new Error(`unknown op kind ${op.kind}`);
    }
  }
  return out;
}
