// Reads a citation file with citation-js and formats it in a CSL style.
// usage: node citationjs.cjs FILE STYLE.csl  -> JSON {items, text}
const fs = require("fs");
const { Cite, plugins } = require("@citation-js/core");
require("@citation-js/plugin-bibtex");
require("@citation-js/plugin-ris");
require("@citation-js/plugin-csl");

const [file, stylePath] = process.argv.slice(2);
plugins.config.get("@csl").styles.add("edition-style", fs.readFileSync(stylePath, "utf8"));
const cite = new Cite(fs.readFileSync(file, "utf8"));
const text = cite.format("bibliography", { format: "text", template: "edition-style", lang: "en-US" });
process.stdout.write(JSON.stringify({ items: cite.data, text }));
