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
  local cmd = cfg.cmd or {}
  local exe = cmd[1] and vim.fn.exepath(cmd[1]) or ""
  if exe == "" then
    fail(("`%s` not found or not executable"):format(tostring(cmd[1])), {
      "Install copydesk with `cargo install --path .` from the copydesk repository",
      'or pass the binary: require("copydesk").setup({ cmd = { "/path/to/copydesk", "lsp" } })',
    })
  else
    local out = vim.fn.system({ exe, "--version" })
    if vim.v.shell_error == 0 and out:match("%S") then
      ok(("%s: %s"):format(exe, vim.trim(out)))
    else
      warn(("%s --version failed (exit %d): %s"):format(exe, vim.v.shell_error, vim.trim(out)))
    end
  end
  info("cmd: " .. table.concat(cmd, " "))
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
end

return M
