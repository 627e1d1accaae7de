"""Screenshot of the Neovim plugin at work, for the README: runs the real Neovim TUI in a pseudo-terminal
(pyte emulates the terminal), opens seed 000 with setup({}) (the binary found in ~/.cargo/bin, as in
the headless test), waits for the workspace index, hovers "400", renders the screen to HTML and
Chromium turns it into a PNG.

Usage: python3 screenshot.py NVIM PLUGIN_DIR SEED OUT_PNG   (env: HOME, PATH, XDG_* set by run.sh;
PYTHONPATH must reach pyte). Exit 0 with a PNG, non-zero otherwise; run.sh treats failure as a warning.
"""
import fcntl
import html
import os
import pty
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import time

import pyte

COLS, ROWS = 110, 34
FG, BG = "e0e2ea", "14161b"  # Neovim's default dark Normal colours
NAMED = {
    "black": "07080d", "red": "ffc0b9", "green": "b3f6c0", "brown": "fce094", "blue": "a6dbff",
    "magenta": "ffcaff", "cyan": "8cf8f7", "white": "eef1f8",
}

INIT = r"""
vim.opt.rtp:prepend(%(plugin)r)
vim.o.termguicolors = true
vim.o.laststatus = 2
vim.o.wrap = true
vim.o.linebreak = true
vim.o.number = true
vim.o.shortmess = vim.o.shortmess .. "I"
vim.diagnostic.config({ virtual_text = true, signs = true })
local copydesk = require("copydesk")
vim.cmd("filetype on")
copydesk.setup({})
vim.cmd.edit(vim.fn.fnameescape(%(seed)r))
local t0 = vim.uv.now()
local timer = vim.uv.new_timer()
timer:start(300, 300, vim.schedule_wrap(function()
  local c = copydesk.clients(0)[1]
  local st = c and copydesk.index_status(c.id)
  if not (st and st.ready) and vim.uv.now() - t0 < 20000 then return end
  timer:stop()
  for i, line in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
    local s = line:find("more than 400", 1, true)
    if s then
      vim.api.nvim_win_set_cursor(0, { i, s - 1 + #"more than " })
      vim.cmd("normal! zz")
      break
    end
  end
  vim.defer_fn(function() vim.lsp.buf.hover({ border = "rounded", max_width = 90 }) end, 500)
end))
"""


def colour(c, default):
    if c == "default":
        return default
    if c in NAMED:
        return NAMED[c]
    if len(c) == 6:
        return c
    return default


def render(screen):
    rows = []
    for y in range(screen.lines):
        line = screen.buffer[y]
        spans, run, style = [], "", None
        for x in range(screen.columns):
            ch = line[x]
            fg, bg = colour(ch.fg, FG), colour(ch.bg, BG)
            if ch.reverse:
                fg, bg = bg, fg
            st = (fg, bg, ch.bold, ch.italics, ch.underscore)
            if st != style and run:
                spans.append((style, run))
                run = ""
            style = st
            run += ch.data or " "
        if run:
            spans.append((style, run))
        out = []
        for (fg, bg, bold, italic, under), text in spans:
            css = f"color:#{fg};background:#{bg}"
            css += ";font-weight:bold" if bold else ""
            css += ";font-style:italic" if italic else ""
            css += ";text-decoration:underline" if under else ""
            out.append(f'<span style="{css}">{html.escape(text)}</span>')
        rows.append("".join(out))
    body = "\n".join(rows)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><style>"
        f"body{{margin:0;background:#{BG}}}pre{{margin:0;padding:8px;font:14px/1.3 'DejaVu Sans Mono',monospace}}"
        f"</style></head><body><pre>{body}</pre></body></html>"
    )


def main():
    nvim, plugin, seed, out_png = sys.argv[1:5]
    tmp = tempfile.mkdtemp(prefix="copydesk-shot.")
    init = os.path.join(tmp, "init.lua")
    with open(init, "w") as f:
        f.write(INIT % {"plugin": plugin, "seed": seed})
    env = dict(os.environ, TERM="xterm-256color", COLORTERM="truecolor")
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(nvim, [nvim, "--clean", "-u", init], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    screen = pyte.Screen(COLS, ROWS)
    stream = pyte.ByteStream(screen)
    deadline = time.time() + 25
    hover_seen = None
    while time.time() < deadline:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            stream.feed(data)
        text = "\n".join(screen.display)
        if "Their figure" in text and hover_seen is None:
            hover_seen = time.time()
        if hover_seen and time.time() - hover_seen > 1.5:
            break
    html_path = os.path.join(tmp, "screen.html")
    with open(html_path, "w") as f:
        f.write(render(screen))
    try:
        os.write(fd, b"\x1b:qa!\r")
        time.sleep(0.3)
        os.kill(pid, 9)
    except OSError:
        pass
    if not hover_seen:
        print("screenshot: the hover did not appear; screen was:\n" + "\n".join(screen.display), file=sys.stderr)
        return 1
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    width, height = COLS * 9 + 40, int(ROWS * 14 * 1.3) + 20
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--window-size={width},{height}", f"--screenshot={out_png}", "file://" + html_path],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60,
    )
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"screenshot: {out_png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
