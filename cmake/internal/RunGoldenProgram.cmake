# SPDX-License-Identifier: MIT
# cmake -P script: the expected C++ of a golden case runs (cppfront compiles
# and runs its regression goldens). Links the expected <name>.sign.cpp and
# .sign.hpp with an entry main() from `signc build --entry`, using the compiler,
# flags and runtime of run-config.json (what `signc run` uses), runs it with
# --json and compares its output with <name>.out; SIGN_BLESS=1 rewrites that.
# -DSIGNC= -DCASE=<area>/<name>.sign -DCASE_DIR= -DWORK_DIR= -DPENDING_DIR= -DRUN_CONFIG=
include(${CMAKE_CURRENT_LIST_DIR}/GoldenReport.cmake)
get_filename_component(dir "${CASE_DIR}/${CASE}" DIRECTORY)
get_filename_component(file "${CASE}" NAME)
string(REGEX REPLACE "\\.(sign|sn)$" "" stem "${file}")
string(REGEX REPLACE "\\.(sign|sn)$" "" name "${CASE}")
set(out "${WORK_DIR}/${name}")
file(REMOVE_RECURSE "${out}")
file(MAKE_DIRECTORY "${out}")

# ---- the entry main (the only file not under golden comparison) -----------------
set(extra)
if(EXISTS "${dir}/${stem}.flags")
  file(READ "${dir}/${stem}.flags" extra)
  string(STRIP "${extra}" extra)
  separate_arguments(extra UNIX_COMMAND "${extra}")
endif()
execute_process(
  COMMAND "${SIGNC}" build --entry --no-format "${file}" -o "${out}" ${extra}
  WORKING_DIRECTORY "${dir}"
  RESULT_VARIABLE rc
  ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "golden-run/${name}: signc build --entry failed:\n${err}")
endif()
# The program is the expected files, not the fresh ones.
file(REMOVE "${out}/${stem}.sign.cpp" "${out}/${stem}.sign.hpp" "${out}/${stem}.sign.d")

# ---- compile and link as `signc run` does ------------------------------------------
file(READ "${RUN_CONFIG}" config)
string(JSON cxx GET "${config}" compiler)
set(cmd "${cxx}")
foreach(key compile_flags include_dirs link)
  set(${key})
  string(JSON n LENGTH "${config}" ${key})
  if(n GREATER 0)
    math(EXPR last "${n} - 1")
    foreach(i RANGE ${last})
      string(JSON item GET "${config}" ${key} ${i})
      list(APPEND ${key} "${item}")
    endforeach()
  endif()
endforeach()
list(TRANSFORM include_dirs PREPEND "-I")
# The modules it imports (their headers it includes) are goldens beside it:
# link their expected C++ too.
file(READ "${dir}/${stem}.sign.cpp" expected_text)
string(REGEX MATCHALL "#include \"[^\"]+\\.sign\\.hpp\"" includes "${expected_text}")
set(imported_cpp)
foreach(inc IN LISTS includes)
  string(REGEX REPLACE "#include \"([^\"]+)\\.sign\\.hpp\"" "\\1" imported "${inc}")
  if(NOT imported STREQUAL stem)
    list(APPEND imported_cpp "${dir}/${imported}.sign.cpp")
  endif()
endforeach()
set(program "${out}/${stem}")
execute_process(
  COMMAND "${cxx}" ${compile_flags} "-I${dir}" ${include_dirs} "${dir}/${stem}.sign.cpp" ${imported_cpp}
          "${out}/${stem}.main.cpp" ${link} -o "${program}"
  RESULT_VARIABLE rc
  OUTPUT_VARIABLE compile_out
  ERROR_VARIABLE compile_out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "golden-run/${name}: the expected C++ does not compile and link:\n${compile_out}")
endif()

# ---- run and compare ---------------------------------------------------------------
execute_process(
  COMMAND "${program}" --json
  RESULT_VARIABLE rc
  OUTPUT_VARIABLE got
  ERROR_VARIABLE stderr
  TIMEOUT 120)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "golden-run/${name}: the program exited with ${rc}:\n${stderr}")
endif()
set(expected "${dir}/${stem}.out")
if(EXISTS "${expected}")
  file(READ "${expected}" want)
else()
  set(want "<missing>")
endif()
if(want STREQUAL got)
  return()
endif()
file(WRITE "${out}/${stem}.out" "${got}")
if("$ENV{SIGN_BLESS}" STREQUAL "1")
  file(COPY_FILE "${out}/${stem}.out" "${expected}")
  message(STATUS "blessed: ${expected}")
  return()
endif()
get_filename_component(rel_dir "${name}" DIRECTORY)
sign_golden_report("golden-run/${name}" "${expected}" "${out}/${stem}.out" "${rel_dir}")
message(FATAL_ERROR "golden-run/${name} failed; if the new output is intended, bless it:\n"
                    "  SIGN_BLESS=1 ctest -L golden -R '${name}'")
