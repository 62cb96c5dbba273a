;; The list 1..N, mapped (doubled) and folded (summed) (listmapfold.sign).
;; Usage: listmapfold [N=1000000]
(import (chicken process-context))

(define (range from to)                 ; the list from..to
  (let loop ((i to) (acc '()))
    (if (< i from) acc (loop (- i 1) (cons i acc)))))

(define n (let ((args (command-line-arguments)))
            (if (pair? args) (string->number (car args)) 1000000)))
(display (foldl + 0 (map (lambda (x) (* x 2)) (range 1 n))))
(newline)
