# SPDX-License-Identifier: MIT
# cmake -P script: the expected C++ of a golden case compiles cleanly with
# -Wall -Wextra -Werror under every compiler given (cppfront compiles its
# regression goldens too).  -DCPP=<case>.sign.cpp -DINCLUDE=<runtime include>
# -DCOMPILERS=g++;clang++
get_filename_component(dir "${CPP}" DIRECTORY)
foreach(cxx IN LISTS COMPILERS)
  execute_process(
    COMMAND "${cxx}" -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Werror -I "${dir}" -I "${INCLUDE}" "${CPP}"
    RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${cxx} rejects ${CPP}:\n${out}${err}")
  endif()
endforeach()
