;; A 10^8-iteration tail loop with a modular hash accumulator (tailloop.sign).
;; Usage: tailloop [N=100000000]
(import (chicken process-context))

(define (loop n acc)
  (if (= n 0) acc (loop (- n 1) (modulo (+ (* acc 31) n) 1000003))))

(define n (let ((args (command-line-arguments)))
            (if (pair? args) (string->number (car args)) 100000000)))
(display (loop n 0))
(newline)
