;; n-queens, counting every solution (queens.sign). Usage: queens [N=8]
;; qs holds the columns of the queens placed so far, nearest row first.
(import (chicken process-context))

(define (attacks? c d qs)
  (and (pair? qs)
       (let ((h (car qs)))
         (or (= h c) (= (- h c) d) (= (- c h) d)
             (attacks? c (+ d 1) (cdr qs))))))

(define (place n row qs)
  (if (= row n)
      1
      (let loop ((c 0) (count 0))
        (cond ((= c n) count)
              ((attacks? c 1 qs) (loop (+ c 1) count))
              (else (loop (+ c 1) (+ count (place n (+ row 1) (cons c qs)))))))))

(define n (let ((args (command-line-arguments)))
            (if (pair? args) (string->number (car args)) 8)))
(display (place n 0 '()))
(newline)
