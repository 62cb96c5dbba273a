;; Word statistics over a generated dictionary of N words (wordcount.sign):
;; letters in all words, occurrences of "tone", words starting with #\s, words
;; of at least 8 letters. Prints [letters,tone,s-initial,long].
;; Usage: wordcount [N=100000]
(import (chicken process-context))

(define syllables '#("ka" "to" "ri" "mo" "sa" "ne" "lu" "pi" "da" "ve" "sho" "qui"))
(define (next s) (modulo (+ (* s 75) 74) 65537))
(define (syllable s) (vector-ref syllables (modulo s 12)))

;; w followed by k more syllables, drawn from the states after t.
(define (word k t w)
  (if (= k 0) w (word (- k 1) (next t) (string-append w (syllable t)))))

(define (count i n s letters tone sinit long)
  (if (= i n)
      (list letters tone sinit long)
      (let* ((w (word (modulo s 4) (next s) (syllable s)))
             (len (string-length w)))
        (count (+ i 1) n (next s)
               (+ letters len)
               (if (string=? w "tone") (+ tone 1) tone)
               (if (char=? (string-ref w 0) #\s) (+ sinit 1) sinit)
               (if (>= len 8) (+ long 1) long)))))

(define n (let ((args (command-line-arguments)))
            (if (pair? args) (string->number (car args)) 100000)))
(let ((r (count 0 n 1 0 0 0 0)))
  (display "[")
  (display (car r))
  (for-each (lambda (x) (display ",") (display x)) (cdr r))
  (display "]")
  (newline))
