# SPDX-License-Identifier: MIT
# cmake -P script: fails if an expected golden file has no input beside it.
file(GLOB_RECURSE expected RELATIVE "${CASE_DIR}"
     "${CASE_DIR}/*.sign.cpp" "${CASE_DIR}/*.sign.hpp" "${CASE_DIR}/*.stderr" "${CASE_DIR}/*.flags"
     "${CASE_DIR}/*.expect" "${CASE_DIR}/*.sexpr" "${CASE_DIR}/*.out")
set(orphans)
foreach(f IN LISTS expected)
  string(REGEX REPLACE "\\.(sign\\.cpp|sign\\.hpp|stderr|flags|expect|sexpr|out)$" "" stem "${f}")
  if(NOT EXISTS "${CASE_DIR}/${stem}.sign" AND NOT EXISTS "${CASE_DIR}/${stem}.sn")
    list(APPEND orphans "${f}")
  endif()
endforeach()
if(orphans)
  list(JOIN orphans "\n  " text)
  message(FATAL_ERROR "expected files without an input:\n  ${text}")
endif()
