# SPDX-License-Identifier: MIT
# cmake -P script: the file list of `cmake --install`, per component, equals
# tests/golden/install/manifest.txt (protobuf's installed_*_golden.txt).
#   -DBUILD_DIR=<build tree> -DWORK_DIR=<scratch> -DEXPECTED=<manifest.txt>
#   -DRUNTIME_ONLY=ON   a cross build: its Sign lines must match, and it must
#                       install no SignTools (signc is a host tool)
# SIGN_BLESS=1 rewrites the golden (full builds only).
include(${CMAKE_CURRENT_LIST_DIR}/PackageTestLib.cmake)

# Installs one component (or all, for "*") and returns its sorted file list.
function(_installed_files component out)
  set(prefix "${WORK_DIR}/${component}")
  file(REMOVE_RECURSE "${prefix}")
  set(args)
  if(NOT component STREQUAL "all")
    set(args --component ${component})
  endif()
  sign_test_run("install ${component}" COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}" ${args})
  file(GLOB_RECURSE files LIST_DIRECTORIES false RELATIVE "${prefix}" "${prefix}/*")
  # The configuration's name is not part of the layout.
  list(TRANSFORM files REPLACE "Targets-[a-z]+\\.cmake$" "Targets-<config>.cmake")
  list(SORT files)
  set(${out} ${files} PARENT_SCOPE)
endfunction()

_installed_files(Sign sign_files)
_installed_files(SignTools tools_files)
_installed_files(all all_files)

set(union ${sign_files} ${tools_files})
list(SORT union)
if(NOT union STREQUAL all_files)
  set(extra ${all_files})
  list(REMOVE_ITEM extra ${union})
  list(JOIN extra "\n  " extra)
  message(FATAL_ERROR "files installed outside the components Sign and SignTools "
                      "(give every install() a COMPONENT):\n  ${extra}")
endif()

set(actual "# Files `cmake --install` writes, by component; checked by ctest install/manifest.\n# Update on purpose: SIGN_BLESS=1 ctest -R install/manifest\n")
foreach(f IN LISTS sign_files)
  string(APPEND actual "Sign ${f}\n")
endforeach()
if(RUNTIME_ONLY)
  if(tools_files)
    list(JOIN tools_files "\n  " t)
    message(FATAL_ERROR "a cross build installed host tools:\n  ${t}")
  endif()
else()
  foreach(f IN LISTS tools_files)
    string(APPEND actual "SignTools ${f}\n")
  endforeach()
endif()

file(READ "${EXPECTED}" expected)
set(compared "${expected}")
if(RUNTIME_ONLY)
  string(REGEX REPLACE "SignTools [^\n]*\n" "" compared "${expected}")
endif()
if(actual STREQUAL compared)
  return()
endif()
file(WRITE "${WORK_DIR}/manifest.actual.txt" "${actual}")
if("$ENV{SIGN_BLESS}" STREQUAL "1" AND NOT RUNTIME_ONLY)
  file(WRITE "${EXPECTED}" "${actual}")
  message(STATUS "blessed: ${EXPECTED}")
  return()
endif()
execute_process(COMMAND diff -u "${EXPECTED}" "${WORK_DIR}/manifest.actual.txt" OUTPUT_VARIABLE diff)
message(FATAL_ERROR "the installed files differ from ${EXPECTED}:\n${diff}\n"
                    "If the change is intended: SIGN_BLESS=1 ctest -R install/manifest")
