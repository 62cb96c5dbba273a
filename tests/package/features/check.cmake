# SPDX-License-Identifier: MIT
# ctest "generated": each option of CMakeLists.txt shows in the signc command
# (build.ninja), the generated files and compile_commands.json.
#   -DSRC=<this project> -DBIN=<its build tree>
function(expect what text regex)
  if(NOT text MATCHES "${regex}")
    message(FATAL_ERROR "${what}: no match for\n  ${regex}\nin:\n${text}")
  endif()
endfunction()
function(reject what text regex)
  if(text MATCHES "${regex}")
    message(FATAL_ERROR "${what}: unexpected match for\n  ${regex}\nin:\n${text}")
  endif()
endfunction()

file(STRINGS "${BIN}/build.ninja" commands REGEX "signc build ")
list(FILTER commands INCLUDE REGEX "units\\.sn ")
expect("units command" "${commands}" " --line-directives=none ")
expect("units command" "${commands}" " --no-format ")
expect("units command" "${commands}" " --namespace acme ")
expect("units command" "${commands}" " --strict-alloc")
file(STRINGS "${BIN}/build.ninja" commands REGEX "signc build ")
list(FILTER commands INCLUDE REGEX "area\\.sign ")
expect("shapes command" "${commands}" " -o ${BIN}/gen/shapes/geo ")
expect("shapes command" "${commands}" " -I ${SRC} ")
expect("shapes command (LINK units)" "${commands}" " -I ${SRC}/lib")
expect("shapes command" "${commands}" " --line-directives=absolute ")
file(STRINGS "${BIN}/build.ninja" edges REGEX "^build [^:]*area\\.sign\\.cpp")
expect("shapes DEPENDS" "${edges}" "extra-input\\.txt")

file(READ "${BIN}/units.sign/units.sign.cpp" units)
reject("LINE_DIRECTIVES OFF" "${units}" "#line")
expect("NAMESPACE acme" "${units}" "namespace acme")
file(READ "${BIN}/gen/shapes/geo/area.sign.cpp" area)
expect("#line, absolute" "${area}" "#line [0-9]+ \"${SRC}/geo/area\\.sign\"")

file(READ "${BIN}/compile_commands.json" db)
foreach(tu units.sign/units.sign.cpp gen/shapes/geo/area.sign.cpp app.sign/scale.sign.cpp
           tool.sign/tool.main.cpp tool.sign/tool.sign.cpp)
  expect("compile_commands.json" "${db}" "\"file\": \"${BIN}/${tu}\"")
endforeach()
