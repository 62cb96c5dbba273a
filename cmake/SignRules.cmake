# SPDX-License-Identifier: MIT
#[=======================================================================[.rst:
SignRules
---------

Build Sign modules (``.sign``, ``.sn``) like native sources.

.. command:: add_sign_module

  ::

    add_sign_module(<target>
      SOURCES <file.sign|file.sn>...   # relative to CMAKE_CURRENT_SOURCE_DIR
      [OUTPUT_DIR <dir>]               # default ${CMAKE_CURRENT_BINARY_DIR}/<target>.sign
      [NAMESPACE <ns>]                 # signc --namespace; default sign_mod
      [FORMAT ON|OFF]                  # OFF adds --no-format; default ON
      [LINE_DIRECTIVES ON|OFF])        # ON: --line-directives=absolute (default); OFF: none

  Creates a static library ``<target>`` holding the generated C++ of every
  source, linked to ``Sign::runtime``, whose include path exposes the
  generated ``NAME.sign.hpp`` headers. One ``add_custom_command`` per source
  runs ``signc build`` with a depfile, so edits rebuild exactly what changed.

The host transpiler is the target ``Sign::signc`` (in-tree build or the
installed package), or the executable named by the cache variable
``SIGN_SIGNC_EXECUTABLE`` (used by cross builds).
#]=======================================================================]
include_guard(GLOBAL)

# ---- the host transpiler --------------------------------------------------------
function(_sign_resolve_signc)
  if(SIGN_SIGNC_EXECUTABLE AND NOT TARGET Sign::signc)
    if(NOT EXISTS "${SIGN_SIGNC_EXECUTABLE}")
      message(FATAL_ERROR "SIGN_SIGNC_EXECUTABLE=${SIGN_SIGNC_EXECUTABLE} does not exist; "
                          "build a native signc first (cmake --preset dev && cmake --build --preset dev)")
    endif()
    add_executable(Sign::signc IMPORTED GLOBAL)
    set_target_properties(Sign::signc PROPERTIES IMPORTED_LOCATION "${SIGN_SIGNC_EXECUTABLE}")
  endif()
endfunction()

# ---- add_sign_module ------------------------------------------------------------
function(add_sign_module target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "OUTPUT_DIR;NAMESPACE;FORMAT;LINE_DIRECTIVES" "SOURCES")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "add_sign_module(${target}): unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(arg_KEYWORDS_MISSING_VALUES)
    message(FATAL_ERROR "add_sign_module(${target}): missing values for: ${arg_KEYWORDS_MISSING_VALUES}")
  endif()
  if(NOT arg_SOURCES)
    message(FATAL_ERROR "add_sign_module(${target}): SOURCES is required")
  endif()
  _sign_resolve_signc()
  if(NOT TARGET Sign::signc)
    message(FATAL_ERROR "add_sign_module(${target}): no signc found; set SIGN_SIGNC_EXECUTABLE")
  endif()
  if(NOT arg_OUTPUT_DIR)
    set(arg_OUTPUT_DIR "${CMAKE_CURRENT_BINARY_DIR}/${target}.sign")
  endif()

  set(flags)
  if(arg_NAMESPACE)
    list(APPEND flags --namespace ${arg_NAMESPACE})
  endif()
  if(DEFINED arg_FORMAT AND NOT arg_FORMAT)
    list(APPEND flags --no-format)
  endif()
  if(DEFINED arg_LINE_DIRECTIVES AND NOT arg_LINE_DIRECTIVES)
    list(APPEND flags --line-directives=none)
  else()
    list(APPEND flags --line-directives=absolute)
  endif()
  if(CMAKE_GENERATOR MATCHES "Ninja")
    list(APPEND flags --write-if-changed)  # with restat: unchanged output, no recompile
  endif()

  set(generated)
  foreach(src IN LISTS arg_SOURCES)
    get_filename_component(abs "${src}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    get_filename_component(name "${abs}" NAME)
    string(REGEX REPLACE "\\.(sign|sn)$" "" stem "${name}")
    if(stem STREQUAL name)
      message(FATAL_ERROR "add_sign_module(${target}): ${src} is not a .sign or .sn file")
    endif()
    set(cpp "${arg_OUTPUT_DIR}/${stem}.sign.cpp")
    set(hpp "${arg_OUTPUT_DIR}/${stem}.sign.hpp")
    set(dep "${arg_OUTPUT_DIR}/${stem}.sign.d")
    file(RELATIVE_PATH rel "${CMAKE_SOURCE_DIR}" "${abs}")
    add_custom_command(
      OUTPUT "${cpp}" "${hpp}"
      COMMAND Sign::signc build "${abs}" -o "${arg_OUTPUT_DIR}" --depfile "${dep}" ${flags}
      MAIN_DEPENDENCY "${abs}"
      DEPENDS Sign::signc
      DEPFILE "${dep}"
      COMMENT "[signc][${target}] ${rel}"
      COMMAND_EXPAND_LISTS VERBATIM)
    list(APPEND generated "${cpp}" "${hpp}")
  endforeach()

  add_library(${target} STATIC ${generated} ${arg_SOURCES})
  target_include_directories(${target} PUBLIC $<BUILD_INTERFACE:${arg_OUTPUT_DIR}>)
  target_link_libraries(${target} PUBLIC Sign::runtime)
  target_compile_features(${target} PUBLIC cxx_std_20)
  set_target_properties(${target} PROPERTIES SIGN_SOURCES "${arg_SOURCES}" SIGN_OUTPUT_DIR "${arg_OUTPUT_DIR}")
  add_custom_target(${target}_sign_gen DEPENDS ${generated})
endfunction()
