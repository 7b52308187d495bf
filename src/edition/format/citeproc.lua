-- Format citations with pandoc's citeproc and CSL styles, in one pandoc run.
-- arg[1]: a JSON file with
--   notes: {csl, bibliography, requests: [{id, markdown}]}: each of the author's references,
--     formatted in a document of its own so that every note shows the full form
--     (Chicago would shorten repeats and print "Ibid."), and the whole bibliography;
--     editors (optional): a CSL-JSON file of the editors' works, formatted as a list apart;
--   cite (optional): {chicago, apa, mla (CSL paths), items (CSL-JSON file of two items:
--     "chapter", the received text in this edition at a placeholder paragraph address, and
--     "edition", the edition as a whole), placeholder}: for each style the chapter's
--     citation at paragraph `placeholder` (a Chicago note; APA and MLA in-text) and its
--     reference entry, and the same for the edition.
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
  -- The paragraph's citation differs from paragraph to paragraph only in its locator
  -- and address, so each style formats it once, with a placeholder label that the
  -- edition fills in; the run does not grow with the number of paragraphs.
  local locator = "[@chapter, para. " .. cite.placeholder .. "]"
  local styles = {}
  for _, style in ipairs({"chicago", "apa", "mla"}) do
    local doc = process(pandoc.read(locator .. "\n\n" .. "[@edition]", "markdown"), cite.items, cite[style])
    local formatted = {}
    if style == "chicago" then
      local found = {}
      doc:walk({Note = function(note) table.insert(found, inline_html(note.content)) end})
      formatted.note, formatted.edition_note = found[1], found[2]
    else
      formatted.intext = pandoc.utils.stringify(doc.blocks[1])
      formatted.edition_intext = pandoc.utils.stringify(doc.blocks[2])
    end
    for _, entry in ipairs(references(doc)) do
      formatted[entry.key == "chapter" and "reference" or "edition_reference"] = entry.html
    end
    styles[style] = formatted
  end
  result.cite = styles
end

io.write(pandoc.json.encode(result))
