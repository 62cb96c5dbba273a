;; The total number of Collatz steps of every start value 1..N (collatz.sign).
;; Usage: collatz [N=1000000]
(import (chicken process-context))

(define (steps n acc)
  (cond ((= n 1) acc)
        ((even? n) (steps (quotient n 2) (+ acc 1)))
        (else (steps (+ (* 3 n) 1) (+ acc 1)))))

(define (total i n acc)
  (if (> i n) acc (total (+ i 1) n (+ acc (steps i 0)))))

(define n (let ((args (command-line-arguments)))
            (if (pair? args) (string->number (car args)) 1000000)))
(display (total 1 n 0))
(newline)
