# SPDX-License-Identifier: MIT
# cmake -P script: builds a standalone consumer project (examples/<name>,
# tests/package/<name>) against an installed Sign and runs its own ctest —
# through CMAKE_CROSSCOMPILING_EMULATOR when a toolchain file is given. A
# second build must do nothing (Ninja: "no work to do"; any generator: no
# signc run).
#   -DSOURCE_DIR= -DBINARY_DIR= -DPREFIX_PATH=<CMAKE_PREFIX_PATH>
#   [-DGENERATOR=Ninja] [-DTOOLCHAIN=<file>] [-DCXX=<compiler>] [-DARGS=<-D...;...>]
#   [-DEXPECT_CONFIGURE_ERROR=<regex>]   configuring must fail with this message
include(${CMAKE_CURRENT_LIST_DIR}/PackageTestLib.cmake)
if(NOT GENERATOR)
  set(GENERATOR Ninja)
endif()

set(configure "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${BINARY_DIR}" -G "${GENERATOR}"
              "-DCMAKE_PREFIX_PATH=${PREFIX_PATH}" ${ARGS})
if(TOOLCHAIN)
  list(APPEND configure "-DCMAKE_TOOLCHAIN_FILE=${TOOLCHAIN}")
elseif(CXX)
  list(APPEND configure "-DCMAKE_CXX_COMPILER=${CXX}")
endif()
file(REMOVE_RECURSE "${BINARY_DIR}")

if(DEFINED EXPECT_CONFIGURE_ERROR)
  sign_test_run("configure" COMMAND ${configure} EXPECT_FAIL OUTPUT out)
  string(REGEX REPLACE "[ \n]+" " " flat "${out}")  # CMake wraps long messages
  sign_test_expect("configure error" "${flat}" MATCHES "${EXPECT_CONFIGURE_ERROR}")
  return()
endif()

sign_test_run("configure" COMMAND ${configure})
sign_test_run("build" COMMAND "${CMAKE_COMMAND}" --build "${BINARY_DIR}" --parallel 1 OUTPUT out)
message("${out}")
sign_test_run("second build" COMMAND "${CMAKE_COMMAND}" --build "${BINARY_DIR}" --parallel 1 OUTPUT again)
sign_test_expect("second build" "${again}" NOT_MATCHES "\\[signc\\]|Building CXX")
if(GENERATOR STREQUAL "Ninja")
  sign_test_expect("second build" "${again}" MATCHES "ninja: no work to do")
endif()
sign_test_run("ctest" COMMAND "${CMAKE_CTEST_COMMAND}" --test-dir "${BINARY_DIR}" --output-on-failure
                               --no-tests=error --timeout 120 OUTPUT out)
message("${out}")
