--[[
The pandoc filter of `agreement build`: what can only be done on pandoc's AST.

1. Safety. Text from the YAML arrives escaped (plain-text fields) or inside a
   `user-text` div (Markdown fields). Inside those divs nothing but text and
   ordinary structure survives: attributes and classes are dropped (no
   `onclick`, no `custom-style`), raw blocks become visible code, images become
   their alt text, links only keep http(s), mailto and tel targets, and headings
   are shifted below the section they appear in. Images and unsafe links are
   refused everywhere else too.
2. HTML tables: header cells say what they head, and on a phone a table with
   three or more columns shows one block per row with each cell under its
   column's name (`data-label`, see style.css); explicit roles keep it a table
   for screen readers, which some browsers forget when a table's display changes.
   A short table is marked so that print does not split it. A word joined by a
   slash ("underrättelseinhämtning/omvärldsorientering") may break after the slash
   (`<wbr>`), so that a phone does not break it inside a word.

3. The follow-up report's charts and ratings (`agreement report`). A chart is an
   image whose source is `chart:N`, where N is a chart the program drew and passed
   in the metadata (`charts`, removed here before any writer sees it): the web
   page gets its SVG as a `data:` URI, the Word file its PNG in pandoc's media
   bag (nothing is fetched), the PDF an `image` of the SVG that the typst layout reads from
   `sys.inputs` (alt text too, so no text of the document is written as typst).
   Any other image is still its alt text; images in user text became text
   before this, so user text stays image-free. A rating's symbol
   (`[●]{.rating .rating-green}`) is coloured in each format; its word follows
   it, so the colour is never the only sign.

The title page, the contents and the signatures are not made here: each format's
own template or finishing step makes them from the view model's data.

It is part of the program, not of the templates, so no template folder can
switch the safety part off.
]]

local USER = 'user-text'
local SAFE_SCHEMES = { http = true, https = true, mailto = true, tel = true }
local NO_ATTR = pandoc.Attr()

local function is_safe_target(target)
  if target:sub(1, 1) == '#' then
    return true
  end
  local scheme = target:match('^%s*([%a][%w+.%-]*):')
  return scheme ~= nil and SAFE_SCHEMES[scheme:lower()] == true
end

local function without_attr(el)
  el.attr = NO_ATTR
  return el
end

local function guard_link(link)
  if is_safe_target(link.target) then
    return link
  end
  return link.content
end

local function image_as_text(image)
  return image.caption
end

-- The report's charts, by key, from the metadata: { svg = base64, png = base64 }.
local charts = {}

local function read_charts(meta)
  local found = {}
  for key, chart in pairs(meta.charts or {}) do
    found[key] = { svg = pandoc.utils.stringify(chart.svg), png = pandoc.utils.stringify(chart.png) }
  end
  return found
end

local function chart_or_text(image)
  local key = image.src:match('^chart:(%d+)$')
  local chart = key and charts[key]
  if not chart then
    return image_as_text(image)
  end
  image.attr = NO_ATTR
  if FORMAT:match('html') then
    image.src = 'data:image/svg+xml;base64,' .. chart.svg
    return image
  elseif FORMAT == 'docx' then
    -- Through the media bag under a short name: a data: URI as the source would also be
    -- written into the picture's description.
    local mime, contents = pandoc.mediabag.fetch('data:image/png;base64,' .. chart.png)
    pandoc.mediabag.insert('chart-' .. key .. '.png', mime, contents)
    image.src = 'chart-' .. key .. '.png'
    return image
  elseif FORMAT == 'typst' then
    local input = 'sys.inputs.at("chart-' .. key .. '")'
    local alt = 'sys.inputs.at("chart-' .. key .. '-alt")'
    return pandoc.RawInline('typst', '#image(bytes(' .. input .. '), alt: ' .. alt .. ', width: 100%)')
  end
  return image_as_text(image)
end

-- Rating symbols: colours with at least 4.5:1 contrast on white and on the table header's fill.
local RATING_COLOURS = { green = '1e6b34', yellow = '7a5c00', red = 'b3261e' }

local function rating_span(span)
  local rating = nil
  for name, _ in pairs(RATING_COLOURS) do
    if span.classes:includes('rating-' .. name) then rating = name end
  end
  if not rating then
    return nil
  end
  local colour = RATING_COLOURS[rating]
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

-- Everything inside a user-text div; headings move by `shift`, to no higher than `top`.
local function user_filter(shift, top)
  return {
    Image = image_as_text,
    Link = function(link)
      if not is_safe_target(link.target) then
        return link.content
      end
      return without_attr(link)
    end,
    RawInline = function(raw) return pandoc.Code(raw.text) end,
    RawBlock = function(raw) return pandoc.CodeBlock(raw.text) end,
    Math = function(math) return pandoc.Str(math.text) end,
    Span = function(span) return span.content end,
    Div = function(div) return div.content end,
    Code = without_attr,
    CodeBlock = without_attr,
    Table = without_attr,
    Header = function(header)
      header.level = math.max(top, math.min(header.level + shift, 6))
      header.attr = NO_ATTR
      return header
    end,
  }
end

-- The user text inside a block, sanitised; its headings start one below `level`.
local function sanitise(block, level)
  return pandoc.Blocks({ block }):walk({
    Div = function(div)
      if div.classes:includes(USER) then
        local min_level = 7
        div.content:walk({ Header = function(h) min_level = math.min(min_level, h.level) end })
        return pandoc.Blocks(div.content):walk(user_filter(level + 1 - min_level, level + 1))
      end
    end,
  })
end

-- Every block in order, its user text's headings placed under the heading before it; a block
-- the templates keep on one page (a div whose id starts with `keep-`, around an action with its
-- heading) is gone through the same way, so the headings inside count.
local function sanitise_all(blocks, level)
  local result = pandoc.Blocks({})
  for _, block in ipairs(blocks) do
    if block.t == 'Header' then
      level = block.level
    end
    if block.t == 'Div' and block.identifier:match('^keep%-') then
      block.content, level = sanitise_all(block.content, level)
      result:insert(block)
    else
      result:extend(sanitise(block, level))
    end
  end
  return result, level
end

-- HTML tables: header cells with a scope and a role, body cells with their column's name.
local function with_role(attr, role)
  attr.attributes.role = role
  return attr
end

local function column_labels(head)
  local labels = {}
  for _, row in ipairs(head.rows) do
    local column = 1
    for _, cell in ipairs(row.cells) do
      cell.attributes.scope = 'col'
      cell.attr = with_role(cell.attr, 'columnheader')
      labels[column] = pandoc.utils.stringify(cell.contents)
      column = column + cell.col_span
    end
    row.attr = with_role(row.attr, 'row')
  end
  head.attr = with_role(head.attr, 'rowgroup')
  return labels
end

local function label_cells(body, labels)
  body.attr = with_role(body.attr, 'rowgroup')
  for _, row in ipairs(body.body) do
    row.attr = with_role(row.attr, 'row')
    local column = 1
    for _, cell in ipairs(row.cells) do
      cell.attr = with_role(cell.attr, 'cell')
      if labels[column] and labels[column] ~= '' then
        cell.attributes['data-label'] = labels[column]
      end
      column = column + cell.col_span
    end
  end
end

-- Two columns fit a phone as they are; three or more become blocks there.
local STACK_FROM = 3
-- A table of up to this many rows is not split across pages when printed (style.css).
local SHORT_ROWS = 8

local function html_table(tbl)
  local labels = column_labels(tbl.head)
  local stacks = next(labels) ~= nil and #tbl.colspecs >= STACK_FROM
  for _, body in ipairs(tbl.bodies) do
    label_cells(body, labels)
  end
  tbl.attr = with_role(tbl.attr, 'table')
  local label = pandoc.utils.stringify(tbl.caption.long or {})
  -- A list of pairs, not a Lua table: the order must be the same on every build.
  local attributes = { { 'role', 'region' }, { 'tabindex', '0' } }
  if label ~= '' then
    table.insert(attributes, { 'aria-label', label })
  end
  local rows = 0
  for _, body in ipairs(tbl.bodies) do
    rows = rows + #body.body
  end
  local classes = { 'table-scroll' }
  if stacks then table.insert(classes, 'stacks') end
  if rows <= SHORT_ROWS then table.insert(classes, 'short') end
  return pandoc.Div({ tbl }, pandoc.Attr('', classes, attributes))
end

-- `<wbr>` after each run of slashes between two word characters (letters and digits, any
-- byte of a non-ASCII letter) in a word too long for a phone's line to take whole, a break
-- opportunity that browsers do not see there themselves ("2 ggr/år" is left as it is).
-- Added after sanitising, so it is the program's markup, not the user's.
local LONG_WORD = 20

local function break_after_slashes(str)
  local text = str.text
  if #text < LONG_WORD or not text:find('[^%p%s]/') then
    return nil
  end
  local inlines = pandoc.Inlines({})
  local start = 1
  for stop in text:gmatch('[^%p%s]/+()') do
    if stop <= #text and not text:sub(stop, stop):match('[%p%s]') then
      inlines:insert(pandoc.Str(text:sub(start, stop - 1)))
      inlines:insert(pandoc.RawInline('html', '<wbr>'))
      start = stop
    end
  end
  inlines:insert(pandoc.Str(text:sub(start)))
  return inlines
end

-- Attributes meant for the PDF's layout (`typst:breakable`) say nothing to other formats.
local function without_typst_attributes(div)
  for key, _ in pairs(div.attributes) do
    if key:match('^typst:') then
      div.attributes[key] = nil
    end
  end
  return div
end

function Pandoc(doc)
  charts = read_charts(doc.meta)
  doc.meta.charts = nil
  local blocks = sanitise_all(doc.blocks, 0)
  blocks = blocks:walk({ Image = chart_or_text, Link = guard_link, Span = rating_span })
  if FORMAT:match('html') then
    blocks = blocks:walk({ Table = html_table, Str = break_after_slashes })
  end
  if FORMAT ~= 'typst' then
    blocks = blocks:walk({ Div = without_typst_attributes })
  end
  doc.blocks = blocks
  return doc
end
