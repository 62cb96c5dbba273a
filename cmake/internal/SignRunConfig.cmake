# SPDX-License-Identifier: MIT
# Project-only: writes share/sign/run-config.json next to the build's bin/,
# telling `signc run` how to compile and link a program against this very
# runtime (same compiler, same sanitizer flags).
set(_sign_run_flags -std=c++20 -O2 ${SIGN_SANITIZE_FLAGS})
list(TRANSFORM _sign_run_flags PREPEND "\"" OUTPUT_VARIABLE _q)
list(TRANSFORM _q APPEND "\"")
list(JOIN _q ", " _sign_run_flags_json)
file(GENERATE OUTPUT ${PROJECT_BINARY_DIR}/share/sign/run-config.json CONTENT
"{
  \"compiler\": \"${CMAKE_CXX_COMPILER}\",
  \"compile_flags\": [${_sign_run_flags_json}],
  \"include_dirs\": [\"${PROJECT_SOURCE_DIR}/runtime-lib/include\"],
  \"link\": [\"$<TARGET_FILE:sign_runtime>\"]
}
")
