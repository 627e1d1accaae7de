-- copydesk: the copy desk's fact-checks (dates, unattributed figures, cross-source comparisons)
-- as a Neovim language client for `copydesk lsp`.
--
--   require("copydesk").setup({ cmd = { "copydesk", "lsp" }, sources = {}, rules = {}, inlay_hints = true })
--
-- Neovim 0.11+: registered with vim.lsp.config / vim.lsp.enable.
-- Neovim 0.8-0.10: a FileType autocmd calls vim.lsp.start.
local M = {}

local NAME = "copydesk"

local defaults = {
  -- The server command. A path to the binary works too: { "/path/to/copydesk", "lsp" }. A bare
  -- "copydesk" is looked up on PATH, then in Cargo's bin folder (~/.cargo/bin, or $CARGO_HOME/bin).
  cmd = { "copydesk", "lsp" },
  -- Extra folders of articles to compare figures against.
  sources = {},
  -- Severity per rule id: "error" | "warning" | "info" | "hint" | "off".
  rules = {},
  -- Resolved dates as inlay hints (Neovim 0.10+).
  inlay_hints = true,
  filetypes = { "markdown", "text" },
  root_markers = { ".copydesk.toml", ".git" },
  -- Extra client capabilities (merged over Neovim's defaults).
  capabilities = nil,
  -- Called as on_attach(client, bufnr) after the plugin's own attach steps.
  on_attach = nil,
  -- Create :CopydeskRestart, :CopydeskShowComparisons, :CopydeskCheckWorkspace.
  commands = true,
}

M.config = vim.deepcopy(defaults)

local has = function(v)
  return vim.fn.has("nvim-" .. v) == 1
end

local function notify(msg, level)
  vim.notify("copydesk: " .. msg, level or vim.log.levels.INFO)
end

local is_windows = vim.fn.has("win32") == 1

--- Cargo's bin folder, where `cargo install` puts copydesk: $CARGO_HOME/bin, else ~/.cargo/bin
--- (%USERPROFILE%\.cargo\bin on Windows). Nil without a home directory.
function M.cargo_bin_dir()
  local sep = is_windows and "\\" or "/"
  local cargo_home = vim.env.CARGO_HOME
  if cargo_home and cargo_home ~= "" then
    return cargo_home .. sep .. "bin"
  end
  local home = (is_windows and vim.env.USERPROFILE) or vim.env.HOME or vim.env.USERPROFILE
  if not home or home == "" then
    return nil
  end
  return home .. sep .. ".cargo" .. sep .. "bin"
end

--- Resolves the server command: returns the command (its first word an absolute path when found),
--- and where the binary came from: "cmd" (a path given in setup), "PATH", "cargo" (Cargo's bin folder,
--- which editors started outside a login shell often lack on PATH) or "missing".
function M.resolve_cmd(cmd)
  cmd = vim.deepcopy(cmd or M.config.cmd or defaults.cmd)
  local exe = cmd[1]
  if type(exe) ~= "string" or exe == "" then
    return cmd, "missing"
  end
  if exe:find("[/\\]") then
    return cmd, vim.fn.executable(exe) == 1 and "cmd" or "missing"
  end
  local on_path = vim.fn.exepath(exe)
  if on_path ~= "" then
    cmd[1] = on_path
    return cmd, "PATH"
  end
  local dir = M.cargo_bin_dir()
  if dir then
    for _, name in ipairs(is_windows and { exe .. ".exe", exe } or { exe }) do
      local candidate = dir .. (is_windows and "\\" or "/") .. name
      if vim.fn.executable(candidate) == 1 then
        cmd[1] = candidate
        return cmd, "cargo"
      end
    end
  end
  return cmd, "missing"
end

--- Where the running binary came from, for :checkhealth.
M.cmd_origin = nil

-- Workspace index state per client id, from the server's `$/progress` work-done notifications
-- (tokens "copydesk-index-<n>", title "Indexing sources") and its "indexed N files" log message.
local index_state = {}

local function record_progress(result, ctx)
  local token = result and result.token
  local value = result and result.value
  if type(token) ~= "string" or not token:match("^copydesk%-index") or type(value) ~= "table" then
    return
  end
  local st = index_state[ctx.client_id] or {}
  if value.kind == "begin" then
    st = { ready = false, title = value.title, message = value.message, percentage = value.percentage }
  elseif value.kind == "report" then
    st.ready = false
    st.message = value.message or st.message
    st.percentage = value.percentage or st.percentage
  elseif value.kind == "end" then
    -- "Indexing restarted" ends a run that a newer one replaces: not ready yet.
    local restarted = type(value.message) == "string" and value.message:match("restarted") ~= nil
    st.ready = not restarted
    st.message = value.message or st.message
    st.percentage = restarted and st.percentage or 100
  end
  index_state[ctx.client_id] = st
end

local function record_log(result, ctx)
  local msg = result and result.message
  if type(msg) == "string" and msg:match("^indexed %d+ files") then
    local st = index_state[ctx.client_id] or {}
    if not st.ready then
      index_state[ctx.client_id] = { ready = true, message = msg, percentage = 100 }
    end
  end
end

--- The workspace index state of a client: nil before the server reported anything, else
--- { ready = bool, message = string|nil, percentage = number|nil }.
function M.index_status(client_id)
  return index_state[client_id]
end

local function chained(method, record)
  return function(err, result, ctx, config)
    pcall(record, result, ctx)
    local default = vim.lsp.handlers[method]
    if default then
      return default(err, result, ctx, config)
    end
  end
end

--- The server's initializationOptions (also sent as settings.copydesk) from the plugin config.
function M.init_options(cfg)
  cfg = cfg or M.config
  local rules = vim.empty_dict()
  for id, sev in pairs(cfg.rules or {}) do
    rules[id] = sev
  end
  local sources = {}
  for _, s in ipairs(cfg.sources or {}) do
    table.insert(sources, vim.fn.expand(s))
  end
  return { sources = sources, rules = rules, inlayHints = cfg.inlay_hints ~= false }
end

local function buf_path(bufnr)
  if vim.bo[bufnr].buftype ~= "" then
    return nil
  end
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == "" or name:match("^%a[%w+.-]*://") then
    return nil
  end
  return vim.fn.fnamemodify(name, ":p")
end

--- Project root for a buffer: the nearest folder with a root marker, else the file's folder.
function M.root_dir(bufnr)
  local path = buf_path(bufnr)
  if not path then
    return nil
  end
  local dir = vim.fn.fnamemodify(path, ":h")
  local found = vim.fs.find(M.config.root_markers, { upward = true, path = dir })[1]
  return found and vim.fn.fnamemodify(found, ":h") or dir
end

local function on_attach(client, bufnr)
  if M.config.inlay_hints and has("0.10") and vim.lsp.inlay_hint and client.server_capabilities.inlayHintProvider then
    pcall(vim.lsp.inlay_hint.enable, true, { bufnr = bufnr })
  end
  if M.config.on_attach then
    M.config.on_attach(client, bufnr)
  end
end

local function base_config()
  local capabilities = vim.lsp.protocol.make_client_capabilities()
  if M.config.capabilities then
    capabilities = vim.tbl_deep_extend("force", capabilities, M.config.capabilities)
  end
  local opts = M.init_options()
  local cmd, origin = M.resolve_cmd()
  M.cmd_origin = origin
  return {
    name = NAME,
    cmd = cmd,
    filetypes = M.config.filetypes,
    init_options = opts,
    settings = { copydesk = opts },
    capabilities = capabilities,
    on_attach = on_attach,
    handlers = {
      ["$/progress"] = chained("$/progress", record_progress),
      ["window/logMessage"] = chained("window/logMessage", record_log),
    },
  }
end

--- Starts (or reuses) the client for a buffer; the path used on Neovim 0.8-0.10 and by :CopydeskRestart.
function M.start(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local root = M.root_dir(bufnr)
  if not root then
    return nil
  end
  local config = base_config()
  config.root_dir = root
  config.workspace_folders = { { uri = vim.uri_from_fname(root), name = root } }
  config.filetypes = nil
  return vim.lsp.start(config, { bufnr = bufnr })
end

--- The copydesk clients, optionally only those attached to bufnr.
function M.clients(bufnr)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ name = NAME, bufnr = bufnr })
  end
  return vim.lsp.get_active_clients({ name = NAME, bufnr = bufnr })
end

local function request(client, method, params, handler, bufnr)
  if has("0.11") then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

local function client_for(bufnr)
  local client = M.clients(bufnr)[1]
  if not client then
    notify("no copydesk server is attached to this buffer (see :checkhealth copydesk)", vim.log.levels.WARN)
  end
  return client
end

--- Stops the copydesk clients and starts them again for the buffers they served.
function M.restart()
  local bufs = {}
  for _, client in ipairs(M.clients()) do
    for buf in pairs(client.attached_buffers or {}) do
      bufs[buf] = true
    end
    if has("0.11") then
      client:stop()
    else
      client.stop()
    end
  end
  local stopped = vim.wait(3000, function()
    return #M.clients() == 0
  end, 50)
  if not stopped then
    for _, client in ipairs(M.clients()) do
      if has("0.11") then
        client:stop(true)
      else
        client.stop(true)
      end
    end
  end
  local cur = vim.api.nvim_get_current_buf()
  if vim.tbl_contains(M.config.filetypes, vim.bo[cur].filetype) then
    bufs[cur] = true
  end
  for buf in pairs(bufs) do
    if vim.api.nvim_buf_is_valid(buf) then
      M.start(buf)
    end
  end
  notify("server restarted")
end

--- Asks the server for the comparisons of the claim at the cursor; calls cb(err, markdown|nil).
function M.comparisons(bufnr, cb)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local client = client_for(bufnr)
  if not client then
    return
  end
  local win = vim.fn.bufwinid(bufnr)
  local pos = vim.lsp.util.make_position_params(win ~= -1 and win or 0, client.offset_encoding)
  request(client, "workspace/executeCommand", {
    command = "copydesk.showComparisons",
    arguments = { pos.textDocument.uri, pos.position },
  }, function(err, result)
    cb(err, result)
  end, bufnr)
end

--- :CopydeskShowComparisons: the comparisons in a floating window.
function M.show_comparisons()
  M.comparisons(nil, function(err, markdown)
    if err then
      notify("Show Comparisons failed: " .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
    elseif type(markdown) ~= "string" or markdown:match("^%s*$") then
      notify("no claim with comparisons at the cursor")
    else
      vim.lsp.util.open_floating_preview(vim.split(markdown, "\n", { plain = true }), "markdown", {
        border = "rounded",
        focus_id = "copydesk-comparisons",
        max_width = math.max(40, math.floor(vim.o.columns * 0.8)),
      })
    end
  end)
end

--- :CopydeskCheckWorkspace: re-checks every article; calls cb(err, {articles, findings}) if given.
function M.check_workspace(cb)
  local bufnr = vim.api.nvim_get_current_buf()
  local client = M.clients(bufnr)[1] or M.clients()[1]
  if not client then
    notify("no copydesk server is running (open an article first)", vim.log.levels.WARN)
    return
  end
  request(client, "workspace/executeCommand", { command = "copydesk.checkWorkspace", arguments = {} }, function(err, result)
    if cb then
      return cb(err, result)
    end
    if err then
      notify("Check Workspace failed: " .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
    else
      result = result or {}
      notify(("copydesk checked %d articles: %d findings"):format(result.articles or 0, result.findings or 0))
    end
  end, bufnr)
end

local function create_commands()
  vim.api.nvim_create_user_command("CopydeskRestart", M.restart, { desc = "Restart the copydesk language server" })
  vim.api.nvim_create_user_command("CopydeskShowComparisons", M.show_comparisons, {
    desc = "Show what other articles say about the claim at the cursor",
  })
  vim.api.nvim_create_user_command("CopydeskCheckWorkspace", function()
    M.check_workspace()
  end, { desc = "Check every article in the workspace" })
  require("copydesk.timeline").create_command()
end

function M.setup(opts)
  if not has("0.8") then
    notify("needs Neovim 0.8 or newer", vim.log.levels.ERROR)
    return
  end
  M.config = vim.tbl_deep_extend("force", vim.deepcopy(defaults), opts or {})
  -- Lists replace rather than merge.
  for _, key in ipairs({ "cmd", "sources", "filetypes", "root_markers" }) do
    if opts and opts[key] then
      M.config[key] = opts[key]
    end
  end
  if M.config.commands then
    create_commands()
  end
  if select(2, M.resolve_cmd()) == "missing" then
    notify(("`%s` not found (looked on PATH and in %s): install it with `cargo install --path .`, "
      .. "or pass setup({ cmd = { \"/path/to/copydesk\", \"lsp\" } }); see :checkhealth copydesk")
      :format(tostring(M.config.cmd[1]), tostring(M.cargo_bin_dir())), vim.log.levels.WARN)
  end

  if has("0.11") and vim.lsp.config and vim.lsp.enable then
    local config = base_config()
    config.root_dir = function(bufnr, on_dir)
      local root = M.root_dir(bufnr)
      if root then
        on_dir(root)
      end
    end
    vim.lsp.config(NAME, config)
    vim.lsp.enable(NAME)
    return
  end

  local group = vim.api.nvim_create_augroup("copydesk", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args)
      M.start(args.buf)
    end,
  })
  -- Buffers already open when setup() runs.
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.config.filetypes, vim.bo[buf].filetype) then
      M.start(buf)
    end
  end
end

return M
