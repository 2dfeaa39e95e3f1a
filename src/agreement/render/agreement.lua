--[[
The pandoc filter of `agreement build`.

1. Safety. Text from the YAML arrives escaped (plain-text fields) or inside a
   `user-text` div (Markdown fields). Inside those divs nothing but text and
   ordinary structure survives: attributes and classes are dropped (no
   `onclick`, no `custom-style`), raw blocks become visible code, images become
   their alt text, links only keep http(s), mailto and tel targets, and headings
   are shifted below the section they appear in. Images and unsafe links are
   refused everywhere else too.
2. Layout. The templates emit a few divs (`title-page`, `signatures`,
   `signature`, `signature-line`) instead of raw output, since the reader has
   raw blocks turned off; this filter gives them their format-specific form: the
   title page moves into the metadata the HTML and typst templates place, Word
   gets a page break and a table-of-contents field after it, lines to sign on
   become typst calls or Word paragraph styles, and HTML tables get what they
   need to be read on a phone.

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

-- Links and images, wherever they are.
local function guard_link(link)
  if is_safe_target(link.target) then
    return link
  end
  return link.content
end

local function image_as_text(image)
  return image.caption
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
    RawInline = function(raw)
      return pandoc.Code(raw.text)
    end,
    RawBlock = function(raw)
      return pandoc.CodeBlock(raw.text)
    end,
    Math = function(math)
      return pandoc.Str(math.text)
    end,
    Span = function(span)
      return span.content
    end,
    Div = function(div)
      return div.content
    end,
    Code = without_attr,
    CodeBlock = without_attr,
    Table = function(tbl)
      tbl.attr = NO_ATTR
      return tbl
    end,
    Header = function(header)
      header.level = math.max(top, math.min(header.level + shift, 6))
      header.attr = NO_ATTR
      return header
    end,
  }
end

local function is_user_text(div)
  return div.t == 'Div' and div.classes:includes(USER)
end

-- The user text inside a block, sanitised; its headings start one below `level`.
local function sanitise(block, level)
  return pandoc.Blocks({ block }):walk({
    Div = function(div)
      if is_user_text(div) then
        local min_level = 7
        div.content:walk({ Header = function(h) min_level = math.min(min_level, h.level) end })
        local shift = level + 1 - min_level
        return pandoc.Blocks(div.content):walk(user_filter(shift, level + 1))
      end
    end,
  })
end

-- Word: a page break and the table of contents, as Word writes them.
local function xml_escape(text)
  return (text:gsub('&', '&amp;'):gsub('<', '&lt;'):gsub('>', '&gt;'):gsub('"', '&quot;'))
end

local PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'

local function docx_contents(blocks, title, depth)
  local entries = {}
  for _, block in ipairs(blocks) do
    if block.t == 'Header' and block.level <= depth and block.identifier ~= '' then
      table.insert(entries, { level = block.level, id = block.identifier, text = pandoc.utils.stringify(block) })
    end
  end
  local xml = {
    '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/>',
    '</w:docPartObj></w:sdtPr><w:sdtContent>',
    '<w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr><w:r><w:t xml:space="preserve">',
    xml_escape(title), '</w:t></w:r></w:p>',
  }
  local field_begin = '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
    .. '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-' .. depth .. '" \\h \\z \\u </w:instrText></w:r>'
    .. '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
  for i, entry in ipairs(entries) do
    table.insert(xml, '<w:p><w:pPr><w:pStyle w:val="TOC' .. entry.level .. '"/></w:pPr>')
    if i == 1 then
      table.insert(xml, field_begin)
    end
    table.insert(xml, '<w:hyperlink w:anchor="' .. xml_escape(entry.id) .. '" w:history="1"><w:r><w:t xml:space="preserve">'
      .. xml_escape(entry.text) .. '</w:t></w:r></w:hyperlink></w:p>')
  end
  if #entries == 0 then
    table.insert(xml, '<w:p>' .. field_begin .. '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
  else
    table.insert(xml, '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
  end
  table.insert(xml, '</w:sdtContent></w:sdt>')
  return pandoc.RawBlock('openxml', table.concat(xml))
end

-- A line to sign or write on (`signature-line`): what is already known (a
-- place, a name) above the line, the line's label under it.
local function signature_line_parts(div)
  local value, label = pandoc.Blocks({}), pandoc.Blocks({})
  for _, block in ipairs(div.content) do
    if block.t == 'Div' and block.classes:includes('signature-label') then
      label:extend(block.content)
    else
      value:insert(block)
    end
  end
  return value, label
end

-- Typst: `#signature-line[value][label]`, a function of the typst template.
local function typst_signature_line(div)
  local value, label = signature_line_parts(div)
  local blocks = pandoc.Blocks({ pandoc.RawBlock('typst', '#signature-line[') })
  blocks:extend(value)
  blocks:insert(pandoc.RawBlock('typst', ']['))
  blocks:extend(label)
  blocks:insert(pandoc.RawBlock('typst', ']'))
  return blocks
end

-- Word: paragraph styles of the reference document draw the line (a top border
-- on the label) and leave room to write above it.
-- The label of a signature's last line has a style of its own that does not keep
-- with what follows: a signature stays on one page, the next may start a new one.
local function docx_signature_line(div, last)
  local value, label = signature_line_parts(div)
  if #value == 0 then
    value:insert(pandoc.Para({ pandoc.Str('\u{00A0}') }))
  end
  return {
    pandoc.Div(value, pandoc.Attr('', {}, { { 'custom-style', 'Signature Value' } })),
    pandoc.Div(label, pandoc.Attr('', {}, { { 'custom-style', last and 'Signature End' or 'Signature Label' } })),
  }
end

local function is_signature_line(block)
  return block.t == 'Div' and block.classes:includes('signature-line')
end

-- Word: the party of a signature not yet signed keeps with its lines.
local function docx_unsigned(div)
  if not div.classes:includes('unsigned') then
    return nil
  end
  local last = 0
  for i, block in ipairs(div.content) do
    if is_signature_line(block) then
      last = i
    end
  end
  local blocks = pandoc.Blocks({})
  for i, block in ipairs(div.content) do
    if is_signature_line(block) then
      blocks:extend(docx_signature_line(block, i == last))
    else
      blocks:insert(pandoc.Div({ block }, pandoc.Attr('', {}, { { 'custom-style', 'Signature Party' } })))
    end
  end
  div.content = blocks
  return div
end

-- Typst: signatures side by side, by a function the typst template defines.
local function typst_signatures(div)
  local blocks = { pandoc.RawBlock('typst', '#signature-grid(') }
  for _, item in ipairs(div.content) do
    if item.t == 'Div' then
      table.insert(blocks, pandoc.RawBlock('typst', '['))
      blocks[#blocks + 1] = pandoc.Div(item.content)
      table.insert(blocks, pandoc.RawBlock('typst', '],'))
    end
  end
  table.insert(blocks, pandoc.RawBlock('typst', ')'))
  return blocks
end

-- HTML: header cells say what they head. On a phone (see style.css) a table
-- with a header row of three or more columns is shown as one block per row, each
-- cell under its column's name (`data-label`); the explicit roles keep it a table
-- for screen readers, which some browsers forget when a table's CSS display
-- changes. Any other table scrolls, if it must, inside a focusable region of its
-- own instead of widening the page.
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
  local classes = stacks and { 'table-scroll', 'stacks' } or { 'table-scroll' }
  return pandoc.Div({ tbl }, pandoc.Attr('', classes, attributes))
end

local function layout(doc)
  local body = pandoc.Blocks({})
  local title_page = nil
  for _, block in ipairs(doc.blocks) do
    if block.t == 'Div' and block.classes:includes('title-page') and title_page == nil then
      title_page = block.content
    else
      body:insert(block)
    end
  end
  if FORMAT == 'docx' then
    local front = pandoc.Blocks(title_page or {})
    front:insert(pandoc.RawBlock('openxml', PAGE_BREAK))
    local toc_title = doc.meta['toc-title'] and pandoc.utils.stringify(doc.meta['toc-title']) or ''
    front:insert(docx_contents(body, toc_title, tonumber(pandoc.utils.stringify(doc.meta['toc-depth'] or '2')) or 2))
    front:insert(pandoc.RawBlock('openxml', PAGE_BREAK))
    front:extend(body)
    body = front
    -- pandoc makes every metadata field a custom property of the Word file; the
    -- page label stays one (the footer shows it), the rest are for other formats.
    for _, name in ipairs({ 'skip-label', 'logo-alt', 'toc-title' }) do
      doc.meta[name] = nil
    end
  elseif title_page then
    doc.meta['title-page'] = pandoc.MetaBlocks(title_page)
  end
  local by_format = {}
  if FORMAT == 'typst' then
    by_format.Div = function(div)
      if div.classes:includes('signature-line') then
        return typst_signature_line(div)
      elseif div.classes:includes('signatures') then
        return typst_signatures(div)
      end
    end
  elseif FORMAT == 'docx' then
    by_format.Div = docx_unsigned
  elseif FORMAT:match('html') then
    by_format.Table = html_table
  end
  doc.blocks = body:walk(by_format)
  return doc
end

function Pandoc(doc)
  local level = 0
  local blocks = pandoc.Blocks({})
  for _, block in ipairs(doc.blocks) do
    if block.t == 'Header' then
      level = block.level
    end
    blocks:extend(sanitise(block, level))
  end
  doc.blocks = blocks:walk({ Image = image_as_text, Link = guard_link })
  return layout(doc)
end
