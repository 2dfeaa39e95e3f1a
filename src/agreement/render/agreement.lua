--[[
The pandoc filter of every output, `build`'s and `report`'s alike: what can only be done on
pandoc's AST, for all three formats.

1. Safety. Text from the YAML arrives escaped (plain-text fields) or inside a
   `user-text` div (Markdown fields). Inside those divs nothing but text and
   ordinary structure survives: attributes and classes are dropped (no
   `onclick`, no `custom-style`), raw blocks become visible code, images become
   their alt text, links only keep http(s), mailto and tel targets, and headings
   are shifted below the section they appear in. Images and unsafe links are
   refused everywhere else too, but for a report's charts (when the metadata says
   it has charts): a data URI for the web page and Word, a name (`chart-1`) that
   the PDF's layout looks up.
2. Attributes meant for one format's writer (`typst:…` for the PDF's layout,
   `custom-style` for Word's styles) are dropped from the others.

Everything else each format does itself: the title page, the contents and the
signatures in its template or finishing step, from the view model's data; the
web page's table semantics in `html_body.py`.

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

-- Outside user text, only the program writes images: the follow-up report's charts, which
-- are kept only when the metadata says there are charts (a report's); anything else is its
-- alt text.
local has_charts = false

local function chart_or_text(image)
  if has_charts and (image.src:match('^data:image/') or image.src:match('^chart%-%d+$')) then
    return image
  end
  return image_as_text(image)
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

-- Attributes meant for one writer: the PDF's layout (`typst:breakable`), Word's styles.
local function for_this_format(el)
  for key, _ in pairs(el.attributes) do
    if (key:match('^typst:') and FORMAT ~= 'typst') or (key == 'custom-style' and FORMAT ~= 'docx') then
      el.attributes[key] = nil
    end
  end
  return el
end

function Pandoc(doc)
  has_charts = doc.meta.charts == true
  doc.meta.charts = nil
  local blocks = sanitise_all(doc.blocks, 0)
  doc.blocks = blocks:walk({ Image = chart_or_text, Link = guard_link, Div = for_this_format, Span = for_this_format })
  return doc
end
