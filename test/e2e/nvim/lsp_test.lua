-- Headless Neovim as a second, independent LSP client of `node dist/server.js --stdio`.
-- Loads the README's set-up snippet (verbatim.lua next to this file), opens $VERBATIM_E2E_FILE,
-- and writes what the built-in client received to $VERBATIM_E2E_OUT as JSON:
-- the document symbols and the diagnostics. The Node side (phases/neovim.ts) asserts on them.
-- Run: nvim --headless --clean -u NONE -c 'luafile lsp_test.lua'
local out = assert(os.getenv('VERBATIM_E2E_OUT'), 'VERBATIM_E2E_OUT not set')
local result = { version = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch) }

local function finish(code)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  for _, client in pairs(vim.lsp.get_active_clients()) do client.stop() end
  vim.wait(2000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
  if code == 0 then vim.cmd('qall!') else vim.cmd('cquit ' .. code) end
end

local ok, err = pcall(function()
  vim.g.verbatim_server = assert(os.getenv('VERBATIM_E2E_SERVER'), 'VERBATIM_E2E_SERVER not set')
  local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
  dofile(here .. 'verbatim.lua')
  vim.cmd('edit ' .. vim.fn.fnameescape(assert(os.getenv('VERBATIM_E2E_FILE'))))
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[bufnr].filetype

  local attached = vim.wait(20000, function()
    for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
      if client.initialized or client.server_capabilities or client.resolved_capabilities then return true end
    end
    return false
  end, 50)
  if not attached then error('the verbatim client did not attach within 20 s') end
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    result.client = client.name
    local caps = client.server_capabilities or {}
    result.documentSymbolProvider = caps.documentSymbolProvider ~= nil and caps.documentSymbolProvider ~= false
  end

  local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
  local responses, request_err = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', params, 20000)
  if not responses then error('documentSymbol: ' .. tostring(request_err)) end
  result.symbols = {}
  for _, response in pairs(responses) do
    if response.error then error('documentSymbol error: ' .. vim.inspect(response.error)) end
    for _, s in ipairs(response.result or {}) do
      local children = {}
      for _, c in ipairs(s.children or {}) do
        table.insert(children, { name = c.name, line = c.range.start.line })
      end
      table.insert(result.symbols, {
        name = s.name, detail = s.detail, kind = s.kind,
        line = s.range.start.line,
        selection = { line = s.selectionRange.start.line, startCharacter = s.selectionRange.start.character, endCharacter = s.selectionRange['end'].character },
        children = children,
      })
    end
  end

  -- Diagnostics are pushed (publishDiagnostics): wait until some arrive and stay unchanged.
  local last, stable_since = -1, vim.loop.now()
  vim.wait(20000, function()
    local n = #vim.diagnostic.get(bufnr)
    if n ~= last then last, stable_since = n, vim.loop.now() end
    return n > 0 and vim.loop.now() - stable_since > 800
  end, 100)
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, { code = d.code, severity = d.severity, source = d.source, line = d.lnum, col = d.col, message = d.message })
  end
end)
if not ok then result.error = tostring(err) end
finish(ok and 0 or 3)
