;; Doubly recursive Fibonacci (fib.sign). Usage: fib [N=32]
(import (chicken process-context))

(define (fib n)
  (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))

(define n (let ((args (command-line-arguments)))
            (if (pair? args) (string->number (car args)) 32)))
(display (fib n))
(newline)
