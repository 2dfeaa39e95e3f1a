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
   `signature`) instead of raw output, since the reader has raw blocks turned
   off; this filter gives them their format-specific form: the title page moves
   into the metadata the HTML and typst templates place, and Word gets a page
   break and a table-of-contents field after it.

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

-- HTML: header cells say what they head, and a wide table scrolls inside a
-- focusable region of its own instead of widening the page on a phone.
local function html_table(tbl)
  for _, row in ipairs(tbl.head.rows) do
    for _, cell in ipairs(row.cells) do
      cell.attributes.scope = 'col'
    end
  end
  local label = pandoc.utils.stringify(tbl.caption.long or {})
  -- A list of pairs, not a Lua table: the order must be the same on every build.
  local attributes = { { 'role', 'region' }, { 'tabindex', '0' } }
  if label ~= '' then
    table.insert(attributes, { 'aria-label', label })
  end
  return pandoc.Div({ tbl }, pandoc.Attr('', { 'table-scroll' }, attributes))
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
  elseif title_page then
    doc.meta['title-page'] = pandoc.MetaBlocks(title_page)
  end
  local by_format = {}
  if FORMAT == 'typst' then
    by_format.Div = function(div)
      if div.classes:includes('signatures') then
        return typst_signatures(div)
      end
    end
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
