-- :checkhealth copydesk
local M = {}

local health = vim.health or require("health")
local start = health.start or health.report_start
local ok = health.ok or health.report_ok
local warn = health.warn or health.report_warn
local fail = health.error or health.report_error
local info = health.info or health.report_info

function M.check()
  local copydesk = require("copydesk")
  local cfg = copydesk.config

  start("Neovim")
  local v = vim.version()
  local version = ("%d.%d.%d"):format(v.major, v.minor, v.patch)
  if vim.fn.has("nvim-0.11") == 1 then
    ok("Neovim " .. version .. " (vim.lsp.config / vim.lsp.enable)")
  elseif vim.fn.has("nvim-0.8") == 1 then
    ok("Neovim " .. version .. " (vim.lsp.start via a FileType autocmd; 0.11+ recommended)")
  else
    fail("Neovim " .. version .. " is too old: copydesk needs 0.8 or newer")
  end

  start("copydesk binary")
  local origins = {
    cmd = "the path given in setup({ cmd = ... })",
    PATH = "PATH",
    cargo = "Cargo's bin folder " .. tostring(copydesk.cargo_bin_dir()) .. " (not on PATH)",
  }
  -- The binary the running client uses, else the one setup() would start.
  local running = copydesk.clients()[1]
  local cmd, origin
  if running and type(running.config.cmd) == "table" then
    cmd, origin = running.config.cmd, copydesk.cmd_origin or "cmd"
  else
    cmd, origin = copydesk.resolve_cmd(cfg.cmd)
  end
  local exe = cmd[1] and vim.fn.exepath(cmd[1]) or ""
  if origin == "missing" or exe == "" then
    fail(("`%s` not found: not on PATH, not in %s"):format(tostring(cmd[1]), tostring(copydesk.cargo_bin_dir())), {
      "Install copydesk with `cargo install --path .` from the copydesk repository (it goes to ~/.cargo/bin)",
      'or pass the binary: require("copydesk").setup({ cmd = { "/path/to/copydesk", "lsp" } })',
    })
  else
    local out = vim.fn.system({ exe, "--version" })
    if vim.v.shell_error == 0 and out:match("%S") then
      ok(("runs %s (%s), found via %s"):format(exe, vim.trim(out), origins[origin] or origin))
    else
      warn(("%s --version failed (exit %d): %s"):format(exe, vim.v.shell_error, vim.trim(out)))
    end
  end
  info("cmd: " .. table.concat(vim.tbl_map(tostring, cmd), " "))
  info("initializationOptions: " .. vim.json.encode(copydesk.init_options()))

  start("Language client")
  local clients = copydesk.clients()
  local attached = 0
  for _, c in ipairs(clients) do
    local names = {}
    for buf in pairs(c.attached_buffers or {}) do
      if vim.api.nvim_buf_is_valid(buf) then
        table.insert(names, vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ":~:."))
      end
    end
    if #names > 0 then
      attached = attached + 1
      ok(("client %d (root %s, position encoding %s) attached to: %s"):format(
        c.id, tostring(c.config.root_dir), tostring(c.offset_encoding), table.concat(names, ", ")))
    else
      info(("client %d running (root %s), attached to no buffer"):format(c.id, tostring(c.config.root_dir)))
    end
  end
  if #clients == 0 then
    warn("no copydesk client is running", {
      "Open a Markdown or text article after calling require('copydesk').setup()",
      "Check :LspLog (or :lua vim.cmd.edit(vim.lsp.get_log_path())) for server errors",
    })
  elseif attached == 0 then
    warn("copydesk is running but attached to no buffer", {
      "copydesk attaches to filetypes: " .. table.concat(cfg.filetypes or {}, ", "),
    })
  end

  start("Workspace index")
  for _, c in ipairs(clients) do
    local st = copydesk.index_status(c.id)
    if st == nil then
      info(("client %d: the server has not reported indexing yet"):format(c.id))
    elseif st.ready then
      ok(("client %d: workspace index ready (%s)"):format(c.id, st.message or "done"))
    else
      info(("client %d: workspace index is being built (%s%s): comparisons cover the articles indexed so far"):format(
        c.id, st.message or st.title or "indexing", st.percentage and (", " .. st.percentage .. " %") or ""))
    end
  end
  if #clients == 0 then
    info("no copydesk client is running, so no index")
  end
end

return M
