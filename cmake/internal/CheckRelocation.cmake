# SPDX-License-Identifier: MIT
# cmake -P script: the install is relocatable. Install, move the prefix
# elsewhere (the original path no longer exists), then use the moved copy:
# no installed text file names the old path, its signc runs a program
# (run-config.json's @prefix@ paths), and an example builds and runs from it.
#   -DBUILD_DIR= -DWORK_DIR= -DEXAMPLE_DIR=<examples/hello> -DDEMO=<a .sign program>
#   -DDEMO_OUTPUT=<regex> -DCXX=<compiler>
include(${CMAKE_CURRENT_LIST_DIR}/PackageTestLib.cmake)
file(REMOVE_RECURSE "${WORK_DIR}")
set(original "${WORK_DIR}/installed-here")
set(moved "${WORK_DIR}/moved/to/elsewhere")
sign_test_run("install" COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${original}")
file(MAKE_DIRECTORY "${WORK_DIR}/moved/to")
file(RENAME "${original}" "${moved}")

file(GLOB_RECURSE texts "${moved}/*.cmake" "${moved}/*.json" "${moved}/*.hpp")
if(NOT texts)
  message(FATAL_ERROR "nothing installed under ${moved}")
endif()
foreach(f IN LISTS texts)
  file(READ "${f}" text)
  string(FIND "${text}" "${original}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "${f} names the install prefix ${original}; use paths relative to the prefix")
  endif()
endforeach()

if(EXISTS "${moved}/bin/signc")
  sign_test_run("signc run" COMMAND "${CMAKE_COMMAND}" -E env "SIGN_CACHE_DIR=${WORK_DIR}/cache"
                "${moved}/bin/signc" run --json "${DEMO}" OUTPUT out)
  sign_test_expect("signc run from the moved prefix" "${out}" MATCHES "${DEMO_OUTPUT}")
endif()
sign_test_run("example from the moved prefix"
  COMMAND "${CMAKE_COMMAND}" "-DSOURCE_DIR=${EXAMPLE_DIR}" "-DBINARY_DIR=${WORK_DIR}/example"
          "-DPREFIX_PATH=${moved}" "-DCXX=${CXX}" -P "${CMAKE_CURRENT_LIST_DIR}/RunExampleTest.cmake"
  OUTPUT out)
file(READ "${WORK_DIR}/example/CMakeCache.txt" cache)
sign_test_expect("Sign_DIR" "${cache}" MATCHES "Sign_DIR:PATH=${moved}/lib")
message("${out}")
