;;; lsp-test.el --- headless Emacs + eglot as an LSP client of the Verbatim server  -*- lexical-binding: t; -*-
;; Loads the README's snippet (verbatim.el next to this file), opens $VERBATIM_E2E_FILE, connects
;; eglot, and writes what it received to $VERBATIM_E2E_OUT as JSON (symbols, diagnostics as
;; published, and the diagnostics flymake shows). phases/emacs.ts asserts on them.
;; Run: emacs --batch -l lsp-test.el
(require 'cl-lib)
(require 'json)
(setq verbatim-server (getenv "VERBATIM_E2E_SERVER"))
(load (expand-file-name "verbatim.el" (file-name-directory load-file-name)) nil t)
(require 'eglot)
(require 'flymake)

(defvar verbatim-test-published nil)
(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key diagnostics &allow-other-keys)
  (setq verbatim-test-published diagnostics))

(defun verbatim-test-wait (pred seconds)
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    (funcall pred)))

(let ((out (getenv "VERBATIM_E2E_OUT"))
      (result (list (cons (quote version) emacs-version))))
  (condition-case err
      (progn
        (find-file (getenv "VERBATIM_E2E_FILE"))
        (push (cons 'mode (symbol-name major-mode)) result)
        ;; eglot-ensure connects after the next command; in batch there is none, so connect here.
        (unless (eglot-current-server) (apply #'eglot (eglot--guess-contact)))
        (unless (verbatim-test-wait (lambda () (eglot-current-server)) 20) (error "eglot did not connect"))
        (push (cons 'languageId (eglot--language-id (eglot-current-server))) result)
        ;; Wait for the diagnostics the server publishes on open before any request: eglot 1.9 in
        ;; batch mode can drop a notification that arrives while a synchronous request waits
        ;; (seen about once in 40 runs: the server's log had both publishes, the handler neither).
        (verbatim-test-wait (lambda () verbatim-test-published) 20)
        (let ((symbols (jsonrpc-request (eglot-current-server) :textDocument/documentSymbol
                                        `(:textDocument ,(eglot--TextDocumentIdentifier)))))
          (push (cons 'symbols
                      (vconcat (mapcar (lambda (s) `((name . ,(plist-get s :name))
                                                     (line . ,(plist-get (plist-get (plist-get s :range) :start) :line))
                                                     (children . ,(vconcat (mapcar (lambda (c) `((name . ,(plist-get c :name))
                                                                                                 (line . ,(plist-get (plist-get (plist-get c :range) :start) :line))))
                                                                                   (plist-get s :children))))))
                                       symbols)))
                result))
        (verbatim-test-wait (lambda () verbatim-test-published) 20)
        (push (cons 'diagnostics
                    (vconcat (mapcar (lambda (d) `((code . ,(plist-get d :code)) (severity . ,(plist-get d :severity))
                                                   (source . ,(plist-get d :source))
                                                   (line . ,(plist-get (plist-get (plist-get d :range) :start) :line))))
                                     verbatim-test-published)))
              result)
        (verbatim-test-wait (lambda () (flymake-diagnostics)) 10)
        (push (cons 'flymake (vconcat (mapcar (lambda (d) `((type . ,(format "%s" (flymake-diagnostic-type d)))
                                                            (text . ,(flymake-diagnostic-text d))))
                                              (flymake-diagnostics))))
              result)
        (ignore-errors (eglot-shutdown (eglot-current-server))))
    (error (push (cons 'error (error-message-string err)) result)))
  (with-temp-file out (insert (json-encode result)))
  (kill-emacs (if (assq 'error result) 3 0)))
;;; lsp-test.el ends here
