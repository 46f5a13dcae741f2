// The page's sources panel (sources-panel.js): the sentences of the other
// text that the chosen sentence draws on, shown under the view on click or tap.
import { sourcesPanel } from "../sources-panel.js";
import { $, DETAIL, root, state } from "./state.js";

export const sources = sourcesPanel(root, $(DETAIL), () => state.result && { ...state.compared, result: state.result });
