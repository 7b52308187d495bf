-- Format citations with pandoc's citeproc and CSL styles, in one pandoc run.
-- arg[1]: a JSON file with
--   notes: {csl, bibliography, requests: [{id, markdown}]}: each of Cliff's references,
--     formatted in a document of its own so that every note shows the full form
--     (Chicago would shorten repeats and print "Ibid."), and the whole bibliography;
--     editors (optional): a CSL-JSON file of the editors' works, formatted as a list apart;
--   cite (optional): {chicago, apa, mla (CSL paths), chapter (CSL-JSON file of the
--     chapter), paragraphs (CSL-JSON file, one item per paragraph, id "para-LABEL"),
--     labels}: for each paragraph a Chicago note (its own item, with its own address),
--     the APA and MLA in-text citations and references, and a BibTeX entry.
local input = pandoc.json.decode(io.open(arg[1]):read("a"), false)
local opts = {wrap_text = "none"}

-- citeproc leaves case-protection and bare grouping spans in its output; they carry
-- no meaning for a reader, so they are unwrapped.
local function unwrap(span)
  local only_nocase = #span.classes == 0 or (#span.classes == 1 and span.classes[1] == "nocase")
  if span.identifier == "" and only_nocase and #span.attributes == 0 then
    return span.content
  end
end

local function process(doc, bibliography, csl)
  doc.meta.bibliography = bibliography
  doc.meta.csl = csl
  doc.meta["link-citations"] = false
  return pandoc.utils.citeproc(doc):walk({Span = unwrap})
end

local function inline_html(blocks)
  local inlines = pandoc.Inlines({})
  for _, block in ipairs(blocks) do
    if block.content then inlines:extend(block.content) end
  end
  return pandoc.write(pandoc.Pandoc({pandoc.Plain(inlines)}), "html", opts)
end

local function references(doc)
  local entries = {}
  doc:walk({Div = function(div)
    local key = div.identifier:match("^ref%-(.+)$")
    if key then table.insert(entries, {key = key, html = inline_html(div.content)}) end
  end})
  return entries
end

local job = input.notes
local notes = {}
for _, request in ipairs(job.requests) do
  local out = process(pandoc.read(request.markdown, "markdown"), job.bibliography, job.csl)
  local found = nil
  out:walk({Note = function(note) found = inline_html(note.content) end})
  notes[request.id] = found
end
local everything = pandoc.read("---\nnocite: '@*'\n---\n", "markdown")
local result = {notes = notes, bibliography = references(process(everything, job.bibliography, job.csl))}
if job.editors then  -- the editors' works: a second list, in the same style
  result.editors_bibliography = references(process(everything, job.editors, job.csl))
end

local cite = input.cite
if cite then
  local paragraphs = {}
  local chicago, intext = {}, {}
  for _, label in ipairs(cite.labels) do
    table.insert(chicago, "[@para-" .. label .. ", para. " .. label .. "]")
    table.insert(intext, "[@chapter, para. " .. label .. "]")
    paragraphs[label] = {}
  end
  local index = 0
  local out = process(pandoc.read(table.concat(chicago, "\n\n"), "markdown"), cite.paragraphs, cite.chicago)
  out:walk({Note = function(note)
    index = index + 1
    paragraphs[cite.labels[index]].chicago = inline_html(note.content)
  end})
  for _, style in ipairs({"apa", "mla"}) do
    local doc = process(pandoc.read(table.concat(intext, "\n\n"), "markdown"), cite.chapter, cite[style])
    for i, label in ipairs(cite.labels) do
      paragraphs[label][style] = pandoc.utils.stringify(doc.blocks[i])
    end
    result[style .. "_reference"] = references(doc)[1].html
  end
  local items = pandoc.read(io.open(cite.paragraphs):read("a"), "csljson")
  for _, item in ipairs(items.meta.references) do
    local label = pandoc.utils.stringify(item.id):match("^para%-(.+)$")
    local single = pandoc.Pandoc({}, {references = {item}})
    paragraphs[label].bibtex = pandoc.write(single, "biblatex", opts)
  end
  result.paragraphs = paragraphs
end

io.write(pandoc.json.encode(result))
