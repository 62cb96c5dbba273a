;; A string built from the decimal numbers 1..N, one piece at a time, through
;; a string port (strbuild.sign). Prints [length,"character 300000"].
;; Usage: strbuild [N=100000]
(import (chicken process-context) (chicken port))

(define n (let ((args (command-line-arguments)))
            (if (pair? args) (string->number (car args)) 100000)))
(define text
  (with-output-to-string
    (lambda ()
      (let loop ((i 1))
        (when (<= i n)
          (display i)
          (loop (+ i 1)))))))
(display "[")
(display (string-length text))
(when (> (string-length text) 300000)
  (display ",\"")
  (display (string-ref text 300000))
  (display "\""))
(display "]")
(newline)
