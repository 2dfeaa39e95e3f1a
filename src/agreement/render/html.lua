--[[
The web page's pandoc filter, run after the safety filter (`agreement.lua`) for HTML only.

Tables: header cells say what they head, and on a phone a table with three or more
columns shows one block per row with each cell under its column's name (`data-label`,
see style.css); explicit roles keep it a table for screen readers, which some browsers
forget when a table's display changes. A short table is marked so that print does not
split it.

A word joined by a slash ("underrättelseinhämtning/omvärldsorientering") may break after
the slash (`<wbr>`), so that a phone does not break it inside a word. It runs after
sanitising, so the `<wbr>` is the program's markup, not the user's.
]]

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

function Pandoc(doc)
  doc.blocks = doc.blocks:walk({ Table = html_table, Str = break_after_slashes })
  return doc
end
