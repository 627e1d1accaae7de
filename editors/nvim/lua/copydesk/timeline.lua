-- :CopydeskTimeline: the story timeline of the figure at the cursor, as the HTML page of
-- `copydesk report --figure FILE:LINE:COL`, opened with the system opener (vim.ui.open on
-- Neovim 0.10+, else xdg-open / open).
local M = {}

-- How the page is opened; tests replace it.
M.opener = function(path)
  if vim.ui and vim.ui.open then
    return vim.ui.open(path)
  end
  local cmd = vim.fn.has("mac") == 1 and "open" or "xdg-open"
  return vim.fn.jobstart({ cmd, path }, { detach = true })
end

local function notify(msg, level)
  vim.notify("copydesk: " .. msg, level or vim.log.levels.INFO)
end

--- The binary: the first word of the configured server command.
local function binary()
  local cmd = require("copydesk").config.cmd
  return type(cmd) == "table" and cmd[1] or "copydesk"
end

--- The command line for the figure at (1-based line, 0-based byte column) of `file`.
function M.args(bin, file, line, char_col, root, out, sources)
  local args = { bin, "report", root, "--figure", ("%s:%d:%d"):format(file, line, char_col), "--html", out }
  for _, s in ipairs(sources or {}) do
    vim.list_extend(args, { "--sources", s })
  end
  return args
end

--- Writes the timeline of the figure at the cursor and opens it. `opts.out`: where to write
--- (default: a temporary file); `opts.on_done(path_or_nil, err)` is called at the end.
function M.open(opts)
  opts = opts or {}
  local bufnr = vim.api.nvim_get_current_buf()
  local file = vim.api.nvim_buf_get_name(bufnr)
  local done = opts.on_done or function() end
  if file == "" or file:match("^%a[%w+.-]*://") then
    notify("the buffer is not a file", vim.log.levels.WARN)
    return done(nil, "not a file")
  end
  file = vim.fn.fnamemodify(file, ":p")
  if vim.bo[bufnr].modified then
    vim.cmd("silent write")
  end
  local pos = vim.api.nvim_win_get_cursor(0)
  local text = vim.api.nvim_buf_get_lines(bufnr, pos[1] - 1, pos[1], false)[1] or ""
  -- copydesk counts columns in characters, 1-based
  local col = vim.fn.strchars(text:sub(1, pos[2])) + 1
  local root = require("copydesk").root_dir(bufnr) or vim.fn.fnamemodify(file, ":h")
  local out = opts.out or (vim.fn.tempname() .. "-timeline.html")
  local args = M.args(binary(), file, pos[1], col, root, out, require("copydesk").config.sources)
  local function finish(code, stderr)
    if code ~= 0 then
      local msg = (stderr or ""):gsub("^copydesk: ", ""):gsub("%s+$", "")
      notify(msg ~= "" and msg or ("copydesk report exited with " .. code), vim.log.levels.WARN)
      return done(nil, msg)
    end
    M.opener(out)
    done(out, nil)
  end
  if vim.system then
    vim.system(args, { text = true }, function(res)
      vim.schedule(function()
        finish(res.code, res.stderr)
      end)
    end)
  else
    local err = {}
    vim.fn.jobstart(args, {
      stderr_buffered = true,
      on_stderr = function(_, data)
        err = data or {}
      end,
      on_exit = function(_, code)
        finish(code, table.concat(err, "\n"))
      end,
    })
  end
end

function M.create_command()
  vim.api.nvim_create_user_command("CopydeskTimeline", function()
    M.open()
  end, { desc = "Open the story timeline of the figure at the cursor in the browser" })
end

return M
