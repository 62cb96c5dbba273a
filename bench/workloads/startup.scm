;; Start-up and exit only (startup.sign): prints N. Usage: startup [N=0]
(import (chicken process-context))

(let ((args (command-line-arguments)))
  (display (if (pair? args) (string->number (car args)) 0))
  (newline))
