# SPDX-License-Identifier: MIT
# cmake -P script (ctest cmake/incremental): Sign sources rebuild like native
# ones under Ninja. On a copy of tests/package/incremental and of the staged
# prefix (its signc gets touched):
#   - compile_commands.json lists the generated TUs;
#   - an unchanged tree does no work (`ninja -n`: "no work to do");
#   - touching a .sign regenerates it alone and, its output unchanged
#     (--write-if-changed + restat), recompiles nothing;
#   - editing a .sign regenerates and recompiles it, not its neighbour;
#   - a newer signc regenerates every module;
#   - a syntax error fails the build with `file:line:col: error:` and leaves
#     no stale generated file.
#   - touching an imported module regenerates its importers too (the
#     depfile lists the imported .sign files and the option.ms files read).
#   -DPROJECT_DIR= -DWORK_DIR= -DPREFIX=<staged install> -DCXX=<compiler>
include(${CMAKE_CURRENT_LIST_DIR}/PackageTestLib.cmake)
file(REMOVE_RECURSE "${WORK_DIR}")
set(src "${WORK_DIR}/src")
set(bin "${WORK_DIR}/build")
file(COPY "${PREFIX}/" DESTINATION "${WORK_DIR}/prefix" USE_SOURCE_PERMISSIONS)
file(COPY "${PROJECT_DIR}/" DESTINATION "${src}")

function(build what out)
  sign_test_run("${what}" COMMAND "${CMAKE_COMMAND}" --build "${bin}" --parallel 1 ${ARGN} OUTPUT text)
  set(${out} "${text}" PARENT_SCOPE)
endfunction()
function(expect_no_work what)
  build("${what}: ninja -n" text -- -n)
  sign_test_expect("${what}: ninja -n" "${text}" MATCHES "ninja: no work to do")
endfunction()
function(expect_app what regex)
  sign_test_run("${what}: run app" COMMAND "${bin}/app" OUTPUT text)
  sign_test_expect("${what}: app output" "${text}" MATCHES "${regex}")
endfunction()

sign_test_run("configure" COMMAND "${CMAKE_COMMAND}" -S "${src}" -B "${bin}" -G Ninja
              "-DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix" "-DCMAKE_CXX_COMPILER=${CXX}")
build("first build" out)
foreach(step "\\[signc\\]\\[parts\\] a\\.sign" "\\[signc\\]\\[parts\\] b\\.sign" "\\[signc\\]\\[solo\\] solo\\.sign"
             "\\[signc\\]\\[solo\\] helper\\.sign")
  sign_test_expect("first build" "${out}" MATCHES "${step}")
endforeach()
expect_app("first build" "^a=3 b=20\n$")
sign_test_run("solo" COMMAND "${bin}/solo" --json OUTPUT text)
sign_test_expect("solo --json" "${text}" MATCHES "^42\n$")

# compile_commands.json lists every generated TU, entry main() included.
file(READ "${bin}/compile_commands.json" commands)
foreach(tu parts.sign/a.sign.cpp parts.sign/b.sign.cpp solo.sign/solo.sign.cpp solo.sign/solo.main.cpp
           solo.sign/helper.sign.cpp)
  sign_test_expect("compile_commands.json" "${commands}" MATCHES "\"file\": \"[^\"]*${tu}\"")
endforeach()
expect_no_work("unchanged")

# Touched, same content: regenerated alone, nothing recompiled.
file(TOUCH "${src}/a.sign")
build("touch a.sign" out)
sign_test_expect("touch a.sign" "${out}" MATCHES "\\[signc\\]\\[parts\\] a\\.sign")
sign_test_expect("touch a.sign" "${out}" NOT_MATCHES "b\\.sign|solo\\.sign|Building CXX|Linking")
expect_no_work("after touch")

# An imported module touched: it and its importer regenerate; same output,
# so nothing recompiles.
file(TOUCH "${src}/helper.sign")
build("touch helper.sign" out)
sign_test_expect("touch helper.sign" "${out}" MATCHES "\\[signc\\]\\[solo\\] helper\\.sign")
sign_test_expect("touch helper.sign" "${out}" MATCHES "\\[signc\\]\\[solo\\] solo\\.sign")
sign_test_expect("touch helper.sign" "${out}" NOT_MATCHES "a\\.sign|b\\.sign|Building CXX|Linking")
expect_no_work("after touching helper.sign")

# Edited: regenerated, recompiled and relinked; b.sign untouched.
file(WRITE "${src}/a.sign" "` a.sign — edited by the test.\n1 + 2 + 3\n")
build("edit a.sign" out)
sign_test_expect("edit a.sign" "${out}" MATCHES "\\[signc\\]\\[parts\\] a\\.sign")
sign_test_expect("edit a.sign" "${out}" MATCHES "Building CXX object [^\n]*a\\.sign\\.cpp\\.o")
sign_test_expect("edit a.sign" "${out}" NOT_MATCHES "b\\.sign|solo\\.sign")
expect_app("edit a.sign" "^a=6 b=20\n$")
expect_no_work("after edit")

# A newer signc (DEPENDS Sign::signc) regenerates every module; the output is
# the same, so nothing recompiles.
file(TOUCH "${WORK_DIR}/prefix/bin/signc")
build("newer signc: ninja -n" out -- -n)
foreach(step "parts\\] a\\.sign" "parts\\] b\\.sign" "solo\\] solo\\.sign")
  sign_test_expect("newer signc: ninja -n" "${out}" MATCHES "${step}")
endforeach()
build("newer signc" out)
sign_test_expect("newer signc" "${out}" NOT_MATCHES "Building CXX")
expect_no_work("after newer signc")

# A syntax error: the build fails at the Sign location, no stale output.
file(WRITE "${src}/a.sign" "six : 6\nsix * (seven\n")
sign_test_run("syntax error" COMMAND "${CMAKE_COMMAND}" --build "${bin}" --parallel 1 EXPECT_FAIL OUTPUT out)
sign_test_regex_escape(where "${src}/a.sign")
sign_test_expect("syntax error" "${out}" MATCHES "(^|\n)${where}:2:[0-9]+: error: ")
if(EXISTS "${bin}/parts.sign/a.sign.cpp" OR EXISTS "${bin}/parts.sign/a.sign.hpp")
  message(FATAL_ERROR "a failed signc left parts.sign/a.sign.cpp or .hpp behind")
endif()
build("after the error: ninja -n" out -- -n)
sign_test_expect("after the error: ninja -n" "${out}" NOT_MATCHES "no work to do")

file(WRITE "${src}/a.sign" "` a.sign — fixed.\n4 * 5\n")
build("fixed" out)
expect_app("fixed" "^a=20 b=20\n$")
expect_no_work("after the fix")
