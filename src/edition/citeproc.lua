-- Format citations and the bibliography with pandoc's citeproc, in one pandoc run.
-- arg[1]: a JSON file {csl, bibliography, requests: [{id, markdown}]}.
-- Each request is formatted in a document of its own, so that every note shows the
-- full form of its reference (Chicago would shorten repeats and print "Ibid.").
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

local function process(doc)
  doc.meta.bibliography = input.bibliography
  doc.meta.csl = input.csl
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

local notes = {}
for _, request in ipairs(input.requests) do
  local out = process(pandoc.read(request.markdown, "markdown"))
  local found = nil
  out:walk({Note = function(note) found = inline_html(note.content) end})
  notes[request.id] = found
end

local entries = {}
local bib = process(pandoc.read("---\nnocite: '@*'\nsuppress-bibliography: false\n---\n", "markdown"))
bib:walk({Div = function(div)
  local key = div.identifier:match("^ref%-(.+)$")
  if key then table.insert(entries, {key = key, html = inline_html(div.content)}) end
end})

io.write(pandoc.json.encode({notes = notes, bibliography = entries}))
