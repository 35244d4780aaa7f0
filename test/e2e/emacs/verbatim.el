;;; verbatim.el --- Verbatim language server for caption transcripts, through eglot  -*- lexical-binding: t; -*-
;; Emacs 28 with eglot (M-x package-install RET eglot, or Debian's elpa-eglot); eglot is built in from Emacs 29.
;; Set `verbatim-server' to dist/server.js of a Verbatim checkout, or to the copy inside the
;; installed VS Code extension (~/.vscode/extensions/verbatim.verbatim-*/dist/server.js).
(defvar verbatim-server (expand-file-name "~/verbatim/dist/server.js")
  "Path of the Verbatim language server (dist/server.js).")

(define-derived-mode caption-transcript-mode text-mode "Caption Transcript"
  "Major mode for real-time caption (CART) transcripts.")
(add-to-list 'auto-mode-alist '("\\.\\(cart\\|transcript\\)\\'" . caption-transcript-mode))

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               `(caption-transcript-mode . ("node" ,verbatim-server "--stdio"))))
(add-hook 'caption-transcript-mode-hook #'eglot-ensure)
;;; verbatim.el ends here
