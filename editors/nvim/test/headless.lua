-- Headless test of the Neovim plugin against the real `copydesk lsp`.
-- Run by test/run.sh: nvim --headless --clean -u NONE -l test/headless.lua  (env: COPYDESK_BIN, COPYDESK_SEEDS)
-- As users install: run.sh puts the binary only in $HOME/.cargo/bin (where `cargo install` puts it), not
-- on PATH, and setup() gets no cmd; the cache ($XDG_CACHE_HOME) starts empty, so the first hover comes
-- while the workspace index is cold.
local function out(msg)
  io.stdout:write(msg .. "\n")
  io.stdout:flush()
end

local failures = 0
local function check(cond, msg)
  if cond then
    out("  ok    " .. msg)
  else
    failures = failures + 1
    out("  FAIL  " .. msg)
  end
  return cond
end

local function finish()
  if failures > 0 then
    out(("%d check(s) failed"):format(failures))
    local log = vim.lsp.get_log_path()
    out("LSP log: " .. log)
    vim.cmd("cquit 1")
  end
  out("\nPASS nvim headless test")
  vim.cmd("qall!")
end

local function main()
  local here = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h")
  local plugin = vim.fn.fnamemodify(here, ":h")
  local repo = vim.fn.fnamemodify(plugin, ":h:h")
  local bin = vim.env.COPYDESK_BIN or (repo .. "/target/debug/copydesk")
  local seeds = vim.env.COPYDESK_SEEDS or (vim.fn.fnamemodify(repo, ":h") .. "/shared/seeds")
  local seed = seeds .. "/000_85c950aaef89da52.txt"

  out("Neovim " .. tostring(vim.version()))
  if vim.fn.has("nvim-0.11") ~= 1 then
    check(false, "needs Neovim 0.11+ for this test")
    return finish()
  end
  if vim.fn.filereadable(seed) ~= 1 then
    out("SKIP nvim headless test: seed article not found at " .. seed)
    vim.cmd("qall!")
    return
  end
  if vim.fn.executable(bin) ~= 1 then
    check(false, "copydesk binary at " .. bin .. " (set COPYDESK_BIN or run cargo build)")
    return finish()
  end

  vim.opt.runtimepath:prepend(plugin)
  vim.cmd("filetype on")
  vim.lsp.set_log_level("warn")
  local copydesk = require("copydesk")
  copydesk.setup({})
  local cargo_bin = vim.env.HOME .. "/.cargo/bin/copydesk"
  local cmd, origin = copydesk.resolve_cmd()
  check(vim.fn.exepath("copydesk") == "", "copydesk is not on PATH (the test's environment)")
  check(origin == "cargo" and cmd[1] == cargo_bin,
    ("setup({}) finds the binary in ~/.cargo/bin (got %s from %s)"):format(tostring(cmd[1]), tostring(origin)))

  -- The order: an explicit path, then PATH, then $CARGO_HOME/bin (else ~/.cargo/bin).
  local tmp = vim.fn.tempname()
  vim.fn.mkdir(tmp .. "/onpath", "p")
  vim.fn.mkdir(tmp .. "/cargohome/bin", "p")
  vim.uv.fs_symlink(bin, tmp .. "/onpath/copydesk")
  vim.uv.fs_symlink(bin, tmp .. "/cargohome/bin/copydesk")
  local saved_path = vim.env.PATH
  vim.env.PATH = tmp .. "/onpath:" .. saved_path
  local c1, o1 = copydesk.resolve_cmd({ "copydesk", "lsp" })
  check(o1 == "PATH" and c1[1] == tmp .. "/onpath/copydesk" and c1[2] == "lsp", "PATH wins over ~/.cargo/bin")
  local c2, o2 = copydesk.resolve_cmd({ bin, "lsp" })
  check(o2 == "cmd" and c2[1] == bin, "an explicit path in cmd is used as given")
  vim.env.PATH = saved_path
  vim.env.CARGO_HOME = tmp .. "/cargohome"
  local c3, o3 = copydesk.resolve_cmd({ "copydesk", "lsp" })
  check(o3 == "cargo" and c3[1] == tmp .. "/cargohome/bin/copydesk", "$CARGO_HOME/bin replaces ~/.cargo/bin")
  vim.env.CARGO_HOME = nil
  local _, o4 = copydesk.resolve_cmd({ "copydesk-not-installed", "lsp" })
  check(o4 == "missing", "a binary found nowhere is reported missing")
  vim.fn.delete(tmp, "rf")
  check(vim.fn.exists(":CopydeskRestart") == 2 and vim.fn.exists(":CopydeskShowComparisons") == 2
    and vim.fn.exists(":CopydeskCheckWorkspace") == 2, "user commands are defined")

  vim.cmd.edit(vim.fn.fnameescape(seed))
  local buf = vim.api.nvim_get_current_buf()
  check(vim.bo[buf].filetype == "text", "filetype is text (got " .. vim.bo[buf].filetype .. ")")

  local client
  vim.wait(15000, function()
    client = copydesk.clients(buf)[1]
    return client ~= nil and client.initialized
  end, 50)
  if not check(client ~= nil, "copydesk client attached") then
    return finish()
  end
  out(("  client %d, root %s, position encoding %s"):format(client.id, client.config.root_dir, client.offset_encoding))

  local mismatch
  vim.wait(15000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.source == "copydesk" and d.code == "date-dateline-mismatch" then
        mismatch = d
        return true
      end
    end
    return false
  end, 100)
  local got = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(got, ("%s@%d:%d %s"):format(tostring(d.code), d.lnum + 1, d.col + 1, d.message))
  end
  out("  diagnostics:\n    " .. table.concat(got, "\n    "))
  if not check(mismatch ~= nil, "a copydesk date-dateline-mismatch diagnostic within 15 s") then
    return finish()
  end
  local index_at_first_diagnostics = vim.deepcopy(copydesk.index_status(client.id))

  -- Hover on "400": put the cursor there so the client converts to its negotiated encoding.
  local row, col
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local s = line:find("more than 400", 1, true)
    if s then
      row, col = i, s - 1 + #"more than "
      break
    end
  end
  if check(row ~= nil, 'found "400" in the seed') then
    vim.api.nvim_win_set_cursor(0, { row, col + 1 })
    local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
    local function hover()
      local res = vim.lsp.buf_request_sync(buf, "textDocument/hover", params, 5000) or {}
      local r = res[client.id]
      local contents = r and r.result and r.result.contents
      if type(contents) == "table" then
        return contents.value or table.concat(vim.tbl_map(function(c)
          return type(c) == "table" and c.value or tostring(c)
        end, contents), "\n")
      elseif type(contents) == "string" then
        return contents
      end
      return ""
    end

    -- Cold start: one hover right after the first diagnostics, as a user moves the mouse there, with
    -- no retry. The server must answer from the open article's own analysis whatever the index is doing.
    local cold = hover()
    out(("  cold hover on 400 (index at the first diagnostics: %s):\n    %s"):format(
      vim.inspect(index_at_first_diagnostics):gsub("%s+", " "), cold:gsub("\n", "\n    ")))
    check(cold:match("%S") ~= nil, "cold start: the first hover on 400, right after the first diagnostics, is not empty")

    -- Once the server reports the index built ($/progress), the hover has the comparison.
    local ready = vim.wait(30000, function()
      local st = copydesk.index_status(client.id)
      return st ~= nil and st.ready
    end, 50)
    check(ready, "the server reports the workspace index ready ($/progress) within 30 s: "
      .. vim.inspect(copydesk.index_status(client.id)):gsub("%s+", " "))
    local hover_text = hover()
    vim.wait(5000, function()
      hover_text = hover()
      return hover_text:match("%f[%d]30%f[%D]") ~= nil
    end, 200)
    out("  hover on 400 once indexed:\n    " .. hover_text:gsub("\n", "\n    "))
    check(hover_text ~= "", "hover on 400 is non-empty")
    check(hover_text:match("%f[%d]30%f[%D]") ~= nil, "hover on 400 lists seed 002's figure 30")

    local comparisons
    copydesk.comparisons(buf, function(err, md)
      comparisons = { err = err, md = md }
    end)
    vim.wait(10000, function()
      return comparisons ~= nil
    end, 50)
    check(comparisons and not comparisons.err and type(comparisons.md) == "string" and comparisons.md ~= "",
      "copydesk.showComparisons returns Markdown" .. (comparisons and comparisons.err and (": " .. vim.inspect(comparisons.err)) or ""))
  end

  -- Code actions at the finding.
  local lsp_diag = mismatch.user_data and mismatch.user_data.lsp
  local range = lsp_diag and lsp_diag.range or {
    start = { line = mismatch.lnum, character = mismatch.col },
    ["end"] = { line = mismatch.end_lnum or mismatch.lnum, character = mismatch.end_col or mismatch.col },
  }
  local res = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = range,
    context = { diagnostics = { lsp_diag }, triggerKind = 1 },
  }, 10000) or {}
  local actions = (res[client.id] and res[client.id].result) or {}
  local titles = vim.tbl_map(function(a)
    return a.title
  end, actions)
  out("  code actions: " .. table.concat(titles, " | "))
  check(#actions > 0, "code actions at the date-dateline-mismatch range")

  local checked
  copydesk.check_workspace(function(err, result)
    checked = { err = err, result = result }
  end)
  vim.wait(15000, function()
    return checked ~= nil
  end, 50)
  out("  checkWorkspace: " .. vim.inspect(checked and (checked.err or checked.result)))
  check(checked and not checked.err and type(checked.result) == "table" and (checked.result.articles or 0) >= 1,
    "copydesk.checkWorkspace reports articles")

  -- :checkhealth copydesk runs and finds the binary and the client.
  vim.cmd("checkhealth copydesk")
  local report = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  vim.cmd("bwipeout!")
  out("\n  checkhealth:\n    " .. report:gsub("\n", "\n    "))
  check(report:find("attached to: [^\n]*000_85c950aaef89da52%.txt") ~= nil, ":checkhealth copydesk sees the attached client")
  check(report:find("ERROR", 1, true) == nil, ":checkhealth copydesk reports no ERROR")
  check(report:find("runs " .. vim.pesc(cargo_bin) .. " %(copydesk %d+%.%d+[^)]*%), found via Cargo's bin folder") ~= nil,
    ":checkhealth copydesk names the binary, its version and where it was found")
  check(report:find("workspace index ready", 1, true) ~= nil, ":checkhealth copydesk says the workspace index is ready")

  finish()
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  out("ERROR " .. tostring(err))
  vim.cmd("cquit 1")
end
