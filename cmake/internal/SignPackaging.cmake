# SPDX-License-Identifier: MIT
# Project-only: the installed packages (../shared/spec/cmake-integration.md
# "Packaging"). Component Sign: Sign::runtime, its headers, SignConfig.cmake,
# SignRules.cmake, the toolchain. Component SignTools: the host signc, its
# formatter plugin and run-config.json. The install() rules for the targets
# themselves sit beside the targets (runtime-lib/, transpiler/).
include(CMakePackageConfigHelpers)

# ---- the two packages ----------------------------------------------------------
# Called once at the end of the top-level CMakeLists.txt. Relative paths are
# the project's (configure_package_config_file keeps the prefix relocatable).
function(sign_install_packages)
  set(dir ${PROJECT_BINARY_DIR}/package)
  set(cmakedir ${CMAKE_INSTALL_LIBDIR}/cmake)

  # Sign: the runtime for this build's processor, the rules, the toolchain.
  configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/SignConfig.cmake.in ${dir}/SignConfig.cmake
    INSTALL_DESTINATION ${cmakedir}/Sign)
  configure_file(${PROJECT_SOURCE_DIR}/cmake/internal/SignConfigVersion.cmake.in
                 ${dir}/SignConfigVersion.cmake @ONLY)
  install(EXPORT SignTargets NAMESPACE Sign:: DESTINATION ${cmakedir}/Sign COMPONENT Sign)
  install(FILES ${dir}/SignConfig.cmake ${dir}/SignConfigVersion.cmake
                ${PROJECT_SOURCE_DIR}/cmake/SignRules.cmake
          DESTINATION ${cmakedir}/Sign COMPONENT Sign)
  install(FILES ${PROJECT_SOURCE_DIR}/cmake/toolchains/aarch64-linux-gnu.cmake
          DESTINATION ${cmakedir}/Sign/toolchains COMPONENT Sign)

  # SignTools: the host transpiler; any architecture's build may use it.
  if(TARGET signc)
    configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/SignToolsConfig.cmake.in
      ${dir}/SignToolsConfig.cmake INSTALL_DESTINATION ${cmakedir}/SignTools)
    write_basic_package_version_file(${dir}/SignToolsConfigVersion.cmake
      COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
    install(EXPORT SignToolsTargets NAMESPACE Sign:: DESTINATION ${cmakedir}/SignTools
            COMPONENT SignTools)
    install(FILES ${dir}/SignToolsConfig.cmake ${dir}/SignToolsConfigVersion.cmake
            DESTINATION ${cmakedir}/SignTools COMPONENT SignTools)
  endif()
endfunction()
