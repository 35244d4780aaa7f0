-- Verbatim language server for caption transcripts (*.cart, *.transcript) in Neovim 0.7 or newer.
-- Put this in your init.lua; point verbatim_server at dist/server.js of a Verbatim checkout, or at
-- the copy inside the installed VS Code extension (~/.vscode/extensions/verbatim.verbatim-*/dist/server.js).
local verbatim_server = vim.g.verbatim_server or vim.fn.expand('~/verbatim/dist/server.js')

vim.cmd([[autocmd BufRead,BufNewFile *.cart,*.transcript setfiletype caption-transcript]])

local verbatim_client
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'caption-transcript',
  callback = function(args)
    local config = {
      name = 'verbatim',
      cmd = { 'node', verbatim_server, '--stdio' },
      root_dir = vim.fn.getcwd(),
    }
    if vim.lsp.start then
      vim.lsp.start(config, { bufnr = args.buf }) -- Neovim 0.8+
    else
      verbatim_client = verbatim_client or vim.lsp.start_client(config) -- Neovim 0.7
      vim.lsp.buf_attach_client(args.buf, verbatim_client)
    end
  end,
})
