# SPDX-License-Identifier: MIT
# cmake -P script: one golden case (tests/golden/CMakeLists.txt explains the layout).
# Runs signc from the case's directory with relative paths, compares every
# expected file byte for byte, and on a mismatch shows a unified diff and the
# command that blesses it.
include(${CMAKE_CURRENT_LIST_DIR}/GoldenReport.cmake)
get_filename_component(dir "${CASE_DIR}/${CASE}" DIRECTORY)
get_filename_component(file "${CASE}" NAME)
string(REGEX REPLACE "\\.(sign|sn)$" "" stem "${file}")
string(REGEX REPLACE "\\.(sign|sn)$" "" name "${CASE}")
set(out "${WORK_DIR}/${name}")
file(REMOVE_RECURSE "${out}")
file(MAKE_DIRECTORY "${out}")

set(flags --line-directives=relative)
set(extra)
if(EXISTS "${dir}/${stem}.flags")
  file(READ "${dir}/${stem}.flags" extra)
  string(STRIP "${extra}" extra)
  separate_arguments(extra UNIX_COMMAND "${extra}")
  list(APPEND flags ${extra})
endif()

# The syntax area pins the front end's output: the resolved tree as JSON
# S-expressions, which must also read back to the same text.
set(syntax_case FALSE)
if(name MATCHES "^syntax/")
  set(syntax_case TRUE)
  execute_process(
    COMMAND "${SIGNC}" --emit=sexpr "${file}" ${extra}
    WORKING_DIRECTORY "${dir}"
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE sexpr
    ERROR_VARIABLE stderr)
  file(WRITE "${out}/${stem}.sexpr" "${sexpr}")
  if(rc EQUAL 0)
    file(WRITE "${out}/${stem}.json" "${sexpr}")
    execute_process(COMMAND "${SIGNC}" --emit=sexpr "${out}/${stem}.json"
                    RESULT_VARIABLE rc2 OUTPUT_VARIABLE again ERROR_VARIABLE err2)
    if(NOT rc2 EQUAL 0 OR NOT again STREQUAL sexpr)
      message(FATAL_ERROR "golden/${name}: the S-expressions do not read back to themselves:\n${err2}\n${again}")
    endif()
  endif()
else()
  execute_process(
    COMMAND "${SIGNC}" build "${file}" -o "${out}" ${flags}
    WORKING_DIRECTORY "${dir}"
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE stdout
    ERROR_VARIABLE stderr)
endif()

set(expected_error FALSE)
if(stem MATCHES "-error$")
  set(expected_error TRUE)
endif()

set(actual_files)
if(expected_error)
  if(rc EQUAL 0)
    message(FATAL_ERROR "golden/${name}: signc succeeded, but a *-error case must fail")
  endif()
  file(WRITE "${out}/${stem}.stderr" "${stderr}")
  list(APPEND actual_files "${stem}.stderr")
  foreach(ext sign.cpp sign.hpp sign.d)
    if(EXISTS "${out}/${stem}.${ext}")
      message(FATAL_ERROR "golden/${name}: signc failed but left ${stem}.${ext} behind")
    endif()
  endforeach()
else()
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "golden/${name}: signc failed (exit ${rc}):\n${stderr}")
  endif()
  if(syntax_case)
    list(APPEND actual_files "${stem}.sexpr")
  else()
    list(APPEND actual_files "${stem}.sign.cpp" "${stem}.sign.hpp")
  endif()
endif()

set(failed FALSE)
foreach(f IN LISTS actual_files)
  set(expected "${dir}/${f}")
  set(actual "${out}/${f}")
  if(EXISTS "${expected}")
    file(READ "${expected}" want)
  else()
    set(want "<missing>")
  endif()
  file(READ "${actual}" got)
  if(want STREQUAL got)
    continue()
  endif()
  if("$ENV{SIGN_BLESS}" STREQUAL "1")
    file(COPY_FILE "${actual}" "${expected}")
    message(STATUS "blessed: ${expected}")
    continue()
  endif()
  set(failed TRUE)
  get_filename_component(rel_dir "${name}" DIRECTORY)
  sign_golden_report("golden/${name}" "${expected}" "${actual}" "${rel_dir}")
endforeach()
if(failed)
  message(FATAL_ERROR "golden/${name} failed; if the new output is intended, bless it:\n"
                      "  SIGN_BLESS=1 ctest -L golden -R '${name}'")
endif()
