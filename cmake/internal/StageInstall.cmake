# SPDX-License-Identifier: MIT
# cmake -P script: a fresh `cmake --install` of a build into a staging prefix
# (tests/package). -DBUILD_DIR=<build tree> -DPREFIX=<prefix>
include(${CMAKE_CURRENT_LIST_DIR}/PackageTestLib.cmake)
if(NOT EXISTS "${BUILD_DIR}/cmake_install.cmake")
  message(FATAL_ERROR "${BUILD_DIR} is not a configured CMake build tree (no cmake_install.cmake)")
endif()
file(REMOVE_RECURSE "${PREFIX}")
sign_test_run("install" COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}")
