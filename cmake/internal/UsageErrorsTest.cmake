# SPDX-License-Identifier: MIT
# cmake -P script (ctest cmake/usage-errors): every misuse of the rules, and
# every signc that cannot serve, fails at configure time with a message that
# names the call (STYLE "CMake module shape") or the variable to fix.
#   -DPROJECT_DIR=<tests/package/usage> -DWORK_DIR= -DPREFIX=<staged install>
include(${CMAKE_CURRENT_LIST_DIR}/PackageTestLib.cmake)
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/empty-prefix")

# Stand-ins for a signc of another release (newer) or runtime ABI (abi7).
foreach(fake "newer=9.9.9 (Sign runtime ABI 1)" "abi7=0.1.0 (Sign runtime ABI 7)")
  string(REGEX MATCH "^([a-z0-9]+)=(.*)$" _ "${fake}")
  file(WRITE "${WORK_DIR}/tmp/${CMAKE_MATCH_1}" "#!/bin/sh\necho 'signc ${CMAKE_MATCH_2}'\n")
  file(COPY "${WORK_DIR}/tmp/${CMAKE_MATCH_1}" DESTINATION "${WORK_DIR}/fake"
       FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
endforeach()

# case name | extra -D options | expected message (a regex, spaces normalised)
set(cases
  "unknown-argument||add_sign_module\\(m\\): unknown arguments: BOGUS.1"
  "missing-value||add_sign_module\\(m\\): no value given for: SOURCES"
  "no-sources||add_sign_module\\(m\\): SOURCES is required"
  "not-sign||add_sign_module\\(m\\): CMakeLists.txt is not a .sign or .sn file"
  "missing-file||add_sign_module\\(m\\): nope.sign does not exist"
  "bad-format||add_sign_module\\(m\\): FORMAT must be ON or OFF, not 'maybe'"
  "bad-type||add_sign_module\\(m\\): TYPE must be STATIC, SHARED or OBJECT, not 'MODULE'"
  "output-in-source-tree||add_sign_module\\(m\\): OUTPUT_DIR [^ ]*/gen is in the source tree"
  "same-stem||add_sign_module\\(m\\): two sources generate [^ ]*/a.sign.cpp"
  "outside-import-dirs||add_sign_module\\(m\\): [^ ]*/a.sign is in none of the IMPORT_DIRS"
  "target-exists||add_sign_module\\(m\\): a target named m already exists"
  "no-entry||add_sign_executable\\(p\\): ENTRY is required"
  "enable-nothing||sign_enable\\(plain\\): plain lists no .sign or .sn sources"
  "signc|-DSIGN_SIGNC_EXECUTABLE=${WORK_DIR}/fake/newer|is signc 9.9.9, but the Sign package \\(Sign::runtime\\) is 0.1.0"
  "signc|-DSIGN_SIGNC_EXECUTABLE=${WORK_DIR}/fake/abi7|generates code for Sign runtime ABI 7, but Sign::runtime was built with ABI 1"
  "signc|-DSIGN_SIGNC_EXECUTABLE=${WORK_DIR}/no/such/signc|SIGN_SIGNC_EXECUTABLE=[^ ]*/no/such/signc is not a file"
  "signc|-DSIGN_HOST_PATH=${WORK_DIR}/empty-prefix|SIGN_HOST_PATH=[^ ]*/empty-prefix holds no SignTools package")
foreach(entry IN LISTS cases)
  string(REPLACE "|" ";" fields "${entry}")
  list(GET fields 0 case)
  list(GET fields 1 define)
  list(SUBLIST fields 2 -1 regex)
  list(JOIN regex ";" regex)
  set(bin "${WORK_DIR}/build")  # reused: the compiler is detected once
  set(args)
  if(define)
    set(args "${define}")
  endif()
  sign_test_run("case ${case} ${define}" COMMAND "${CMAKE_COMMAND}" -S "${PROJECT_DIR}" -B "${bin}" -G Ninja
                "-DCMAKE_PREFIX_PATH=${PREFIX}" "-USIGN_*" "-DCASE=${case}" ${args} EXPECT_FAIL OUTPUT out)
  string(REGEX REPLACE "[ \n]+" " " flat "${out}")
  sign_test_expect("case ${case} ${define}" "${flat}" MATCHES "${regex}")
endforeach()
