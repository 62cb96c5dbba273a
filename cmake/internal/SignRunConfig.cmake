# SPDX-License-Identifier: MIT
# Project-only: writes share/sign/run-config.json next to the build's bin/,
# telling `signc run` how to compile and link a program against this very
# runtime (same compiler, same sanitizer flags), and the installed copy, whose
# paths start with "@prefix@" (the directory above signc's bin/) so an
# installed signc runs programs from wherever its prefix is moved to.
# The runtime is a static library: its own dependency (mimalloc, the
# Shared-Heap's allocator, a system package) is linked by its system path.
find_package(mimalloc REQUIRED)  # its imported target is scoped to the directory that finds it
set(_sign_run_flags -std=c++20 -O2 ${SIGN_SANITIZE_FLAGS})
list(JOIN _sign_run_flags "\", \"" _sign_run_flags_json)
# A program links the C++ runtime libraries statically: loading and
# relocating libstdc++.so costs a Sign program about 1.5 ms and 35 page faults
# at start-up, a third of what a short program takes. Not under a sanitizer,
# whose own operator new and delete must not be shadowed by the executable's.
set(_sign_run_link_json "")
if(NOT SIGN_SANITIZE_FLAGS AND CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  set(_sign_run_link_json ", \"-static-libstdc++\", \"-static-libgcc\"")
endif()

function(_sign_run_config out include_dir runtime)
  file(GENERATE OUTPUT ${out} CONTENT
"{
  \"compiler\": \"${CMAKE_CXX_COMPILER}\",
  \"compile_flags\": [\"${_sign_run_flags_json}\"],
  \"include_dirs\": [\"${include_dir}\"],
  \"link\": [\"${runtime}\", \"$<TARGET_LINKER_FILE:mimalloc>\"${_sign_run_link_json}]
}
")
endfunction()

_sign_run_config(${PROJECT_BINARY_DIR}/share/sign/run-config.json
                 ${PROJECT_SOURCE_DIR}/runtime-lib/include $<TARGET_FILE:sign_runtime>)
_sign_run_config(${PROJECT_BINARY_DIR}/package/run-config.json @prefix@/${CMAKE_INSTALL_INCLUDEDIR}
                 @prefix@/${CMAKE_INSTALL_LIBDIR}/$<TARGET_FILE_NAME:sign_runtime>)
install(FILES ${PROJECT_BINARY_DIR}/package/run-config.json DESTINATION share/sign COMPONENT SignTools)
