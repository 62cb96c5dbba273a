# SPDX-License-Identifier: MIT
# Project-only: the warning set every signc/runtime target compiles with.
function(sign_target_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                         -Wnon-virtual-dtor -Wimplicit-fallthrough)
endfunction()
