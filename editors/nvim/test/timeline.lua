-- Headless test of :CopydeskTimeline against the real binary: on a figure of the report
-- fixture, the command writes the timeline page and hands it to the opener.
-- Run by test/run.sh: nvim --headless --clean -u NONE -c "luafile test/timeline.lua"
local function out(msg)
  io.stdout:write(msg .. "\n")
  io.stdout:flush()
end
local here = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h")
local plugin = vim.fn.fnamemodify(here, ":h")
local repo = vim.fn.fnamemodify(plugin, ":h:h")
vim.opt.runtimepath:prepend(plugin)
local bin = vim.env.COPYDESK_BIN or (repo .. "/target/debug/copydesk")
require("copydesk").setup({ cmd = { bin, "lsp" } })
local tl = require("copydesk.timeline")
-- the plugin's own opener runs; only the browser behind vim.ui.open is replaced
local opened
vim.ui.open = function(p)
  opened = p
  return nil, nil
end
-- a workspace of its own (a .copydesk.toml marks its root): the report fixture's articles
local ws = vim.fn.tempname()
vim.fn.mkdir(ws, "p")
for _, f in ipairs(vim.fn.glob(repo .. "/tests/fixtures/report/*.md", false, true)) do
  vim.fn.writefile(vim.fn.readfile(f, "b"), ws .. "/" .. vim.fn.fnamemodify(f, ":t"), "b")
end
vim.fn.writefile({}, ws .. "/.copydesk.toml")
local fixture = ws .. "/wire-ferry-day3.md"
vim.cmd("edit " .. vim.fn.fnameescape(fixture))
vim.fn.search("133 dead")
local result, err
local page = vim.fn.tempname() .. ".html"
local ok_cmd = vim.fn.exists(":CopydeskTimeline") == 2
tl.open({
  out = page,
  on_done = function(p, e)
    result, err = p, e
  end,
})
vim.wait(60000, function()
  return result ~= nil or err ~= nil
end, 50)
local html = result and table.concat(vim.fn.readfile(result), "\n") or ""
local _, markers = html:gsub('<g class="mk ', "")
local checks = {
  { ok_cmd, ":CopydeskTimeline exists" },
  { result == page and opened == page, "the page is written and opened with vim.ui.open (" .. tostring(err) .. ")" },
  { markers == 6, "the toll's chart has its 6 figures (" .. markers .. ")" },
}
local failures = 0
for _, c in ipairs(checks) do
  out((c[1] and "  ok    " or "  FAIL  ") .. c[2])
  if not c[1] then
    failures = failures + 1
  end
end
if failures > 0 then
  vim.cmd("cquit 1")
end
out("PASS nvim timeline test")
vim.cmd("qall!")
