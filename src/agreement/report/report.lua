--[[
The pandoc filter of `agreement report`, run after the build's own filter (`agreement.lua`),
which has already sanitised the document and left only the report's chart placeholders as
images.

A chart is an image whose source is `chart:N`, where N is a chart the program drew and passed
in the metadata (`charts`, removed here before any writer sees it): the web page gets its SVG
as a `data:` URI, the Word file its PNG in pandoc's media bag (nothing is fetched), the PDF an
`image` of the SVG that the typst layout reads from `sys.inputs` (alt text too, so no text of
the document is written as typst). A placeholder without its chart becomes its alt text.

A rating's symbol (`[●]{.rating .rating-green}`) is coloured in each format; its word follows
it, so the colour is never the only sign. User text cannot forge one: the build's filter has
already unwrapped every span in it.
]]

local NO_ATTR = pandoc.Attr()

-- The charts, by key, from the metadata: { svg = base64, png = base64 }.
local charts = {}

local function read_charts(meta)
  local found = {}
  for key, chart in pairs(meta.charts or {}) do
    found[key] = { svg = pandoc.utils.stringify(chart.svg), png = pandoc.utils.stringify(chart.png) }
  end
  return found
end

local function chart(image)
  local key = image.src:match('^chart:(%d+)$')
  local drawn = key and charts[key]
  if not drawn then
    return image.caption
  end
  image.attr = NO_ATTR
  if FORMAT:match('html') then
    image.src = 'data:image/svg+xml;base64,' .. drawn.svg
    return image
  elseif FORMAT == 'docx' then
    -- Through the media bag under a short name: a data: URI as the source would also be
    -- written into the picture's description.
    local mime, contents = pandoc.mediabag.fetch('data:image/png;base64,' .. drawn.png)
    pandoc.mediabag.insert('chart-' .. key .. '.png', mime, contents)
    image.src = 'chart-' .. key .. '.png'
    return image
  elseif FORMAT == 'typst' then
    local input = 'sys.inputs.at("chart-' .. key .. '")'
    local alt = 'sys.inputs.at("chart-' .. key .. '-alt")'
    return pandoc.RawInline('typst', '#image(bytes(' .. input .. '), alt: ' .. alt .. ', width: 100%)')
  end
  return image.caption
end

-- Rating symbols: colours with at least 4.5:1 contrast on white and on the table header's fill.
local RATING_COLOURS = { green = '1e6b34', yellow = '7a5c00', red = 'b3261e' }

local function rating(span)
  local colour = nil
  for name, value in pairs(RATING_COLOURS) do
    if span.classes:includes('rating-' .. name) then colour = value end
  end
  if not colour then
    return nil
  end
  if FORMAT:match('html') then
    span.attributes['aria-hidden'] = 'true' -- the word after it says the same
    return span
  elseif FORMAT == 'docx' then
    local symbol = pandoc.utils.stringify(span.content):gsub('&', '&amp;'):gsub('<', '&lt;')
    return pandoc.RawInline('openxml', '<w:r><w:rPr><w:color w:val="' .. colour .. '"/></w:rPr><w:t>'
      .. symbol .. '</w:t></w:r>')
  elseif FORMAT == 'typst' then
    return { pandoc.RawInline('typst', '#text(fill: rgb("#' .. colour .. '"))['), pandoc.Span(span.content),
             pandoc.RawInline('typst', ']') }
  end
  return span.content
end

function Pandoc(doc)
  charts = read_charts(doc.meta)
  doc.meta.charts = nil
  doc.blocks = doc.blocks:walk({ Image = chart, Span = rating })
  return doc
end
