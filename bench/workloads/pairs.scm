;; N short-lived pairs: Fibonacci numbers modulo 1000000007 carried in a pair
;; that each step takes apart and conses anew (pairs.sign). Usage: pairs [N=10000000]
(import (chicken process-context))

(define (step p)
  (cons (cdr p) (modulo (+ (car p) (cdr p)) 1000000007)))

(define (loop i p)
  (if (= i 0) (car p) (loop (- i 1) (step p))))

(define n (let ((args (command-line-arguments)))
            (if (pair? args) (string->number (car args)) 10000000)))
(display (loop n (cons 0 1)))
(newline)
