# SPDX-License-Identifier: MIT
# SignRules: add_sign_module(), add_sign_executable() and sign_enable() — .sign
# files build like native sources (../shared/spec/cmake-integration.md).
#[=======================================================================[.rst:
SignRules
---------

Build Sign modules (``.sign``, ``.sn``) like native sources. Loaded by
``find_package(Sign CONFIG)`` (installed package) and by signc's own build.

.. command:: add_sign_module

  ::

    add_sign_module(<target>
      SOURCES <file.sign|file.sn>...
      [IMPORT_DIRS <dir>...]
      [LINK <sign module target>...]
      [OUTPUT_DIR <dir>]
      [NAMESPACE <ns>]
      [FORMAT ON|OFF]
      [LINE_DIRECTIVES ON|OFF]
      [TYPE STATIC|SHARED|OBJECT]
      [DEPENDS <file|target>...]
      [SIGNC_ARGS <arg>...]
      [OUT_VAR <var>])

  Creates the library ``<target>`` that owns the generated C++ of every
  source, links ``Sign::runtime`` and ``cxx_std_20`` PUBLIC and exposes the
  generated ``<stem>.sign.hpp`` headers on its include path, plus the custom
  target ``<target>_sign_gen`` (generation only, for IDEs and clangd).

  ======================  ==========================================  ===================================
  Argument                Default                                     signc flag
  ======================  ==========================================  ===================================
  ``SOURCES``             required; relative to the current           ``signc build <abs path>``
                          source dir; ``.sign`` and ``.sn``
  ``IMPORT_DIRS``         the directories of ``SOURCES``; a source    ``-I <dir>`` each
                          in a subdirectory of its innermost import
                          dir is generated as
                          ``<subdir>/<stem>.sign.hpp``
  ``LINK``                none; PUBLIC link to other Sign modules,    ``-I`` each of their
                          whose import dirs are searched too          ``INTERFACE_SIGN_IMPORT_DIRS``
  ``OUTPUT_DIR``          ``${CMAKE_CURRENT_BINARY_DIR}/<target>``    ``-o <dir>[/<subdir>]``
                          ``.sign``; never the source tree
  ``NAMESPACE``           ``sign_mod`` (C++ ``sign_mod::<stem>``)     ``--namespace <ns>``
  ``FORMAT``              ``ON`` (clang-format inside signc)          ``OFF``: ``--no-format``
  ``LINE_DIRECTIVES``     ``ON`` (``#line`` with absolute paths)      ``--line-directives=absolute|none``
  ``TYPE``                ``STATIC``, or ``SHARED`` if                 (none)
                          ``BUILD_SHARED_LIBS``
  ``DEPENDS``             none; extra dependencies of generation      (none)
  ``SIGNC_ARGS``          none; appended verbatim                     as given
  ``OUT_VAR``             none; receives the generated files          (none)
  ======================  ==========================================  ===================================

  With Ninja, ``--write-if-changed`` is added too: an unchanged output keeps
  its time stamp and ``restat`` spares its dependents a recompile.

  One ``add_custom_command`` per source runs
  ``Sign::signc build <src> -o <dir> --depfile <dir>/<stem>.sign.d ...``; the
  depfile lists every imported ``.sign`` and ``option.ms`` file, so Ninja and
  Makefiles regenerate exactly what changed, and ``DEPENDS Sign::signc``
  regenerates everything when signc is upgraded. Properties set on the
  target: ``SIGN_SOURCES``, ``SIGN_OUTPUT_DIR``, ``INTERFACE_SIGN_IMPORT_DIRS``.

.. command:: add_sign_executable

  ::

    add_sign_executable(<target> ENTRY <main.sign> [SOURCES <file.sign>...]
                        [IMPORT_DIRS|LINK|OUTPUT_DIR|NAMESPACE|FORMAT|
                         LINE_DIRECTIVES|DEPENDS|SIGNC_ARGS|OUT_VAR as above])

  A program whose entry is a Sign module (``signc build --entry``): it prints
  the value of the entry's last top-level expression like ``signc run``, and
  with ``--json`` as one line of JSON. ``SOURCES`` are further modules
  compiled into the program. ``TYPE`` does not apply.

.. command:: sign_enable

  ::

    sign_enable(TARGETS <target>... [same options as add_sign_module except
                SOURCES, TYPE, LINK])

  Opt-in, cppfront style: the ``.sign``/``.sn`` files listed in each target's
  own sources are generated into ``${CMAKE_CURRENT_BINARY_DIR}/<target>.sign``
  and compiled into that target, which gets ``Sign::runtime`` and the
  generated headers PRIVATE. Call it in the directory that created the target.

Finding the host transpiler ``Sign::signc``
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

In this order, when SignRules is loaded and again by each call:

1. ``SIGN_SIGNC_EXECUTABLE`` (cache): an imported ``Sign::signc`` at that path.
2. An existing ``Sign::signc`` target (signc's own build, or an earlier find).
3. ``find_package(SignTools CONFIG)``: under ``SIGN_HOST_PATH`` (the host's
   install prefix, like Qt's ``QT_HOST_PATH``) if set; otherwise, for native
   builds only, beside this package, then on the usual search path.
4. ``find_program(SIGN_SIGNC_EXECUTABLE signc NO_CMAKE_FIND_ROOT_PATH)``.

A cross build (``CMAKE_CROSSCOMPILING``) never uses a signc built for the
target: it must come from ``SIGN_HOST_PATH`` or ``SIGN_SIGNC_EXECUTABLE``.
An imported signc gets ``CROSSCOMPILING_EMULATOR ""`` (it runs on the host),
and its ``--version`` must equal ``Sign_VERSION`` and its runtime ABI the
one ``Sign::runtime`` was built with; a mismatch fails at configure time.
#]=======================================================================]
include_guard(GLOBAL)
cmake_minimum_required(VERSION 3.20)  # DEPFILE under Makefiles, CMP0116

# SIGN_SIGNC_EXECUTABLE is created by find_program() below (an empty cache
# entry would stop that search).
set(SIGN_HOST_PATH "" CACHE PATH "Install prefix of a native Sign build whose SignTools package (signc) runs on this host")

# ---- the host transpiler ------------------------------------------------------------
# Fails when `signc --version` disagrees with this package or its runtime ABI.
function(_sign_check_signc_version exe)
  get_property(checked GLOBAL PROPERTY _SIGN_CHECKED_SIGNC)
  if(exe IN_LIST checked)
    return()
  endif()
  execute_process(COMMAND "${exe}" --version
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "Sign: cannot run ${exe} --version (exit ${rc}): ${err}\n"
                        "signc must be built for this host; a cross build takes it from "
                        "SIGN_HOST_PATH or SIGN_SIGNC_EXECUTABLE.")
  endif()
  if(NOT out MATCHES "^signc ([0-9]+\\.[0-9]+\\.[0-9]+) \\(Sign runtime ABI ([0-9]+)\\)")
    message(FATAL_ERROR "Sign: ${exe} --version printed '${out}', not 'signc X.Y.Z (Sign runtime ABI N)'")
  endif()
  set(signc_version "${CMAKE_MATCH_1}")
  set(signc_abi "${CMAKE_MATCH_2}")
  if(DEFINED Sign_VERSION AND NOT signc_version VERSION_EQUAL Sign_VERSION)
    message(FATAL_ERROR "Sign: ${exe} is signc ${signc_version}, but the Sign package (Sign::runtime) "
                        "is ${Sign_VERSION}; use a signc from the same release "
                        "(SIGN_HOST_PATH or SIGN_SIGNC_EXECUTABLE).")
  endif()
  if(TARGET Sign::runtime)
    get_target_property(defs Sign::runtime INTERFACE_COMPILE_DEFINITIONS)
    if(defs MATCHES "SIGN_RUNTIME_ABI_BUILT=([0-9]+)" AND NOT CMAKE_MATCH_1 EQUAL signc_abi)
      message(FATAL_ERROR "Sign: ${exe} generates code for Sign runtime ABI ${signc_abi}, "
                          "but Sign::runtime was built with ABI ${CMAKE_MATCH_1}.")
    endif()
  endif()
  set_property(GLOBAL APPEND PROPERTY _SIGN_CHECKED_SIGNC "${exe}")
endfunction()

# Makes Sign::signc visible in the calling directory if any host signc can be
# found (the order is in the doc block above); silent when none is found.
function(_sign_resolve_signc)
  if(SIGN_SIGNC_EXECUTABLE AND TARGET Sign::signc)
    get_target_property(imported Sign::signc IMPORTED)
    if(NOT imported)
      message(FATAL_ERROR "Sign: SIGN_SIGNC_EXECUTABLE=${SIGN_SIGNC_EXECUTABLE} cannot replace the signc "
                          "this project builds; unset it, or configure with -DSIGN_BUILD_TRANSPILER=OFF.")
    endif()
  elseif(SIGN_SIGNC_EXECUTABLE)
    if(NOT EXISTS "${SIGN_SIGNC_EXECUTABLE}" OR IS_DIRECTORY "${SIGN_SIGNC_EXECUTABLE}")
      message(FATAL_ERROR "Sign: SIGN_SIGNC_EXECUTABLE=${SIGN_SIGNC_EXECUTABLE} is not a file; point it at "
                          "the bin/signc of a native Sign build or install.")
    endif()
    add_executable(Sign::signc IMPORTED)
    set_target_properties(Sign::signc PROPERTIES IMPORTED_LOCATION "${SIGN_SIGNC_EXECUTABLE}")
  elseif(NOT TARGET Sign::signc)
    if(SIGN_HOST_PATH)
      # SIGN_HOST_PATH is authoritative: forget a SignTools found elsewhere before.
      file(REAL_PATH "${SIGN_HOST_PATH}" host)
      if(SignTools_DIR)
        file(REAL_PATH "${SignTools_DIR}" tools_dir)
        string(FIND "${tools_dir}/" "${host}/" at)
        if(NOT at EQUAL 0)
          unset(SignTools_DIR CACHE)
        endif()
      endif()
      find_package(SignTools CONFIG QUIET NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH PATHS "${SIGN_HOST_PATH}")
      if(NOT TARGET Sign::signc)
        message(FATAL_ERROR "Sign: SIGN_HOST_PATH=${SIGN_HOST_PATH} holds no SignTools package "
                            "(lib/cmake/SignTools/SignToolsConfig.cmake); install a native Sign build there.")
      endif()
    elseif(NOT CMAKE_CROSSCOMPILING)
      # A native install provides Sign and SignTools under one prefix.
      find_package(SignTools CONFIG QUIET NO_DEFAULT_PATH PATHS "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/..")
      if(NOT TARGET Sign::signc)
        find_package(SignTools CONFIG QUIET)
      endif()
    endif()
    if(NOT TARGET Sign::signc)
      find_program(SIGN_SIGNC_EXECUTABLE signc NO_CMAKE_FIND_ROOT_PATH
                   DOC "Host signc to run (cross builds, or to override the package's)")
      if(SIGN_SIGNC_EXECUTABLE)
        add_executable(Sign::signc IMPORTED)
        set_target_properties(Sign::signc PROPERTIES IMPORTED_LOCATION "${SIGN_SIGNC_EXECUTABLE}")
      endif()
    endif()
  endif()
  if(NOT TARGET Sign::signc)
    return()
  endif()
  get_target_property(imported Sign::signc IMPORTED)
  if(imported)
    # Host tool: never run through the target's emulator.
    set_target_properties(Sign::signc PROPERTIES CROSSCOMPILING_EMULATOR "")
    get_target_property(exe Sign::signc LOCATION)
    _sign_check_signc_version("${exe}")
  elseif(CMAKE_CROSSCOMPILING)
    message(FATAL_ERROR "Sign: this cross build would run a signc built for ${CMAKE_SYSTEM_PROCESSOR}; "
                        "configure with -DSIGN_BUILD_TRANSPILER=OFF and a host signc "
                        "(SIGN_HOST_PATH or SIGN_SIGNC_EXECUTABLE).")
  endif()
endfunction()

# Fails the named call when no host signc can be found.
function(_sign_require_signc call)
  _sign_resolve_signc()
  if(NOT TARGET Sign::signc)
    if(CMAKE_CROSSCOMPILING)
      string(CONCAT how "this is a cross build: pass -DSIGN_HOST_PATH=<native Sign install prefix> "
                        "or -DSIGN_SIGNC_EXECUTABLE=<host signc>")
    else()
      string(CONCAT how "install a native Sign build (with SignTools) on CMAKE_PREFIX_PATH, "
                        "or pass -DSIGN_HOST_PATH=<prefix> or -DSIGN_SIGNC_EXECUTABLE=<signc>")
    endif()
    message(FATAL_ERROR "${call}: no host signc found; ${how}.")
  endif()
endfunction()

# ---- shared option handling -----------------------------------------------------------
# Validates an ON/OFF option; sets <out> to TRUE/FALSE in the caller.
function(_sign_bool_option call name value default out)
  if("${value}" STREQUAL "")
    set(value ${default})
  endif()
  string(TOUPPER "${value}" v)
  if(v MATCHES "^(ON|TRUE|YES|1)$")
    set(${out} TRUE PARENT_SCOPE)
  elseif(v MATCHES "^(OFF|FALSE|NO|0)$")
    set(${out} FALSE PARENT_SCOPE)
  else()
    message(FATAL_ERROR "${call}: ${name} must be ON or OFF, not '${value}'")
  endif()
endfunction()

# Rejects unknown and valueless arguments, naming the call.
function(_sign_check_arguments call prefix)
  if(${prefix}_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "${call}: unknown arguments: ${${prefix}_UNPARSED_ARGUMENTS}")
  endif()
  if(${prefix}_KEYWORDS_MISSING_VALUES)
    message(FATAL_ERROR "${call}: no value given for: ${${prefix}_KEYWORDS_MISSING_VALUES}")
  endif()
endfunction()

# Adds one `signc build` custom command per source and returns, in the
# caller's <prefix>_CPP, <prefix>_HPP and <prefix>_DIRS, the generated
# sources, headers and the import dirs that were searched. Arguments are the
# parsed ones of the public call (arg_*), passed by variable name prefix.
function(_sign_generate call target prefix)
  set(sources ${${prefix}_SOURCES})
  set(entry "${${prefix}_ENTRY}")

  # Absolute, de-duplicated sources, checked for their extension.
  set(abs_sources)
  foreach(src IN LISTS entry sources)
    get_filename_component(abs "${src}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    if(NOT abs MATCHES "\\.(sign|sn)$")
      message(FATAL_ERROR "${call}: ${src} is not a .sign or .sn file")
    endif()
    if(NOT EXISTS "${abs}" AND NOT abs IN_LIST ${prefix}_DEPENDS)
      get_source_file_property(generated "${abs}" GENERATED)
      if(NOT generated)
        message(FATAL_ERROR "${call}: ${src} does not exist (looked for ${abs})")
      endif()
    endif()
    list(APPEND abs_sources "${abs}")
  endforeach()
  list(REMOVE_DUPLICATES abs_sources)

  # Import dirs: given, or the sources' own directories (protobuf APPEND_PATH).
  set(import_dirs)
  if(${prefix}_IMPORT_DIRS)
    foreach(dir IN LISTS ${prefix}_IMPORT_DIRS)
      get_filename_component(dir "${dir}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
      list(APPEND import_dirs "${dir}")
    endforeach()
  else()
    foreach(abs IN LISTS abs_sources)
      get_filename_component(dir "${abs}" DIRECTORY)
      list(APPEND import_dirs "${dir}")
    endforeach()
  endif()
  list(REMOVE_DUPLICATES import_dirs)

  # Output dir: in the build tree, never beside the sources.
  set(out_root "${${prefix}_OUTPUT_DIR}")
  if(out_root STREQUAL "")
    set(out_root "${CMAKE_CURRENT_BINARY_DIR}/${target}.sign")
  endif()
  get_filename_component(out_root "${out_root}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  string(FIND "${out_root}/" "${CMAKE_SOURCE_DIR}/" in_source)
  string(FIND "${out_root}/" "${CMAKE_BINARY_DIR}/" in_binary)
  if(in_source EQUAL 0 AND NOT in_binary EQUAL 0)
    message(FATAL_ERROR "${call}: OUTPUT_DIR ${out_root} is in the source tree; generated files "
                        "belong in the build tree")
  endif()

  # Flags shared by every source of this call, in CLI order.
  _sign_bool_option("${call}" FORMAT "${${prefix}_FORMAT}" ON format)
  _sign_bool_option("${call}" LINE_DIRECTIVES "${${prefix}_LINE_DIRECTIVES}" ON lines)
  set(flags)
  foreach(dir IN LISTS import_dirs)
    list(APPEND flags -I "${dir}")
  endforeach()
  if(lines)
    list(APPEND flags --line-directives=absolute)
  else()
    list(APPEND flags --line-directives=none)
  endif()
  if(NOT format)
    list(APPEND flags --no-format)
  endif()
  if(NOT "${${prefix}_NAMESPACE}" STREQUAL "")
    list(APPEND flags --namespace "${${prefix}_NAMESPACE}")
  endif()
  if(CMAKE_GENERATOR MATCHES "Ninja")
    list(APPEND flags --write-if-changed)  # with restat: unchanged output, no recompile
  endif()
  list(APPEND flags ${${prefix}_SIGNC_ARGS})

  # Import dirs of LINKed modules, read at generate time so LINK may name a
  # module defined later; empty entries are filtered so `-I` never dangles.
  set(linked_flags)
  if(${prefix}_LINK)
    set(linked "")
    foreach(lib IN LISTS ${prefix}_LINK)
      string(APPEND linked "$<SEMICOLON>$<TARGET_PROPERTY:${lib},INTERFACE_SIGN_IMPORT_DIRS>")
    endforeach()
    set(linked_dirs "$<FILTER:$<REMOVE_DUPLICATES:${linked}>,INCLUDE,.>")
    set(linked_flags "$<$<BOOL:${linked_dirs}>:-I$<SEMICOLON>$<JOIN:${linked_dirs},$<SEMICOLON>-I$<SEMICOLON>>>")
  endif()

  set(all_cpp)
  set(all_hpp)
  set(seen)
  foreach(abs IN LISTS abs_sources)
    # <subdir>: the file's directory relative to the innermost import dir
    # that contains it, so adding a source never moves another's header.
    set(subdir "")
    set(found FALSE)
    set(best -1)
    get_filename_component(src_dir "${abs}" DIRECTORY)
    foreach(dir IN LISTS import_dirs)
      string(FIND "${src_dir}/" "${dir}/" at)
      string(LENGTH "${dir}" len)
      if(at EQUAL 0 AND len GREATER best)
        file(RELATIVE_PATH subdir "${dir}" "${src_dir}")
        set(found TRUE)
        set(best ${len})
      endif()
    endforeach()
    if(NOT found)
      message(FATAL_ERROR "${call}: ${abs} is in none of the IMPORT_DIRS (${import_dirs})")
    endif()
    set(out_dir "${out_root}")
    if(NOT subdir STREQUAL "")
      set(out_dir "${out_root}/${subdir}")
    endif()
    get_filename_component(name "${abs}" NAME)
    string(REGEX REPLACE "\\.(sign|sn)$" "" stem "${name}")
    if("${out_dir}/${stem}" IN_LIST seen)
      message(FATAL_ERROR "${call}: two sources generate ${out_dir}/${stem}.sign.cpp; "
                          "rename one, or use IMPORT_DIRS so they land in different subdirectories")
    endif()
    list(APPEND seen "${out_dir}/${stem}")

    set(cpp "${out_dir}/${stem}.sign.cpp")
    set(hpp "${out_dir}/${stem}.sign.hpp")
    set(dep "${out_dir}/${stem}.sign.d")
    set(outputs "${cpp}" "${hpp}")
    set(entry_flag)
    list(GET abs_sources 0 first)  # the entry, if any, comes first
    if(NOT entry STREQUAL "" AND abs STREQUAL first)
      set(entry_flag --entry)
      list(APPEND outputs "${out_dir}/${stem}.main.cpp")
      list(APPEND all_cpp "${out_dir}/${stem}.main.cpp")
    endif()
    file(RELATIVE_PATH rel "${CMAKE_CURRENT_SOURCE_DIR}" "${abs}")
    if(rel MATCHES "^\\.\\./")
      set(rel "${abs}")
    endif()
    add_custom_command(
      OUTPUT ${outputs}
      COMMAND Sign::signc build "${abs}" -o "${out_dir}" --depfile "${dep}" ${entry_flag} ${flags}
              ${linked_flags}
      MAIN_DEPENDENCY "${abs}"
      DEPENDS Sign::signc ${${prefix}_DEPENDS}
      DEPFILE "${dep}"
      COMMENT "[signc][${target}] ${rel}"
      COMMAND_EXPAND_LISTS VERBATIM)
    list(APPEND all_cpp "${cpp}")
    list(APPEND all_hpp "${hpp}")
  endforeach()

  source_group("Sign Files" FILES ${abs_sources})
  source_group(TREE "${out_root}" PREFIX "Generated Files" FILES ${all_cpp} ${all_hpp})
  add_custom_target(${target}_sign_gen DEPENDS ${all_cpp} ${all_hpp})
  set(${prefix}_ABS_SOURCES ${abs_sources} PARENT_SCOPE)
  set(${prefix}_CPP ${all_cpp} PARENT_SCOPE)
  set(${prefix}_HPP ${all_hpp} PARENT_SCOPE)
  set(${prefix}_DIRS ${import_dirs} PARENT_SCOPE)
  set(${prefix}_OUT_ROOT "${out_root}" PARENT_SCOPE)
endfunction()

# Properties, include path, runtime and module links of a generating target.
function(_sign_finish_target target scope prefix)
  target_sources(${target} PRIVATE ${${prefix}_CPP} ${${prefix}_HPP} ${${prefix}_ABS_SOURCES})
  target_include_directories(${target} ${scope}
    "$<BUILD_INTERFACE:${${prefix}_OUT_ROOT}>" "$<INSTALL_INTERFACE:include/sign/${target}>")
  target_link_libraries(${target} ${scope} Sign::runtime ${${prefix}_LINK})
  target_compile_features(${target} ${scope} cxx_std_20)
  # The generated files belong to <target>_sign_gen too; building it first
  # keeps Makefiles from running the same signc command twice in parallel.
  add_dependencies(${target} ${target}_sign_gen)
  # Transitive: a module's import dirs include those of the modules it links.
  set(import_dirs ${${prefix}_DIRS})
  foreach(lib IN LISTS ${prefix}_LINK)
    list(APPEND import_dirs "$<TARGET_PROPERTY:${lib},INTERFACE_SIGN_IMPORT_DIRS>")
  endforeach()
  set_property(TARGET ${target} APPEND PROPERTY SIGN_SOURCES ${${prefix}_ABS_SOURCES})
  set_property(TARGET ${target} PROPERTY SIGN_OUTPUT_DIR "${${prefix}_OUT_ROOT}")
  set_property(TARGET ${target} APPEND PROPERTY INTERFACE_SIGN_IMPORT_DIRS ${import_dirs})
endfunction()

# ---- add_sign_module ----------------------------------------------------------------
function(add_sign_module target)
  set(call "add_sign_module(${target})")
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "OUTPUT_DIR;NAMESPACE;FORMAT;LINE_DIRECTIVES;OUT_VAR;TYPE"
                        "SOURCES;IMPORT_DIRS;LINK;DEPENDS;SIGNC_ARGS")
  _sign_check_arguments("${call}" arg)
  if(NOT arg_SOURCES)
    message(FATAL_ERROR "${call}: SOURCES is required (one or more .sign or .sn files)")
  endif()
  if(TARGET ${target})
    message(FATAL_ERROR "${call}: a target named ${target} already exists")
  endif()
  set(type "${arg_TYPE}")
  if(type STREQUAL "")
    set(type STATIC)
    if(BUILD_SHARED_LIBS)
      set(type SHARED)
    endif()
  elseif(NOT type MATCHES "^(STATIC|SHARED|OBJECT)$")
    message(FATAL_ERROR "${call}: TYPE must be STATIC, SHARED or OBJECT, not '${type}'")
  endif()
  _sign_require_signc("${call}")
  set(arg_ENTRY "")
  _sign_generate("${call}" ${target} arg)
  add_library(${target} ${type})
  _sign_finish_target(${target} PUBLIC arg)
  if(NOT "${arg_OUT_VAR}" STREQUAL "")
    set(${arg_OUT_VAR} ${arg_CPP} ${arg_HPP} PARENT_SCOPE)
  endif()
endfunction()

# ---- add_sign_executable --------------------------------------------------------------
function(add_sign_executable target)
  set(call "add_sign_executable(${target})")
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "OUTPUT_DIR;NAMESPACE;FORMAT;LINE_DIRECTIVES;OUT_VAR;ENTRY"
                        "SOURCES;IMPORT_DIRS;LINK;DEPENDS;SIGNC_ARGS")
  _sign_check_arguments("${call}" arg)
  if("${arg_ENTRY}" STREQUAL "")
    message(FATAL_ERROR "${call}: ENTRY is required (the .sign module whose value the program prints)")
  endif()
  if(TARGET ${target})
    message(FATAL_ERROR "${call}: a target named ${target} already exists")
  endif()
  _sign_require_signc("${call}")
  _sign_generate("${call}" ${target} arg)
  add_executable(${target})
  _sign_finish_target(${target} PRIVATE arg)
  if(NOT "${arg_OUT_VAR}" STREQUAL "")
    set(${arg_OUT_VAR} ${arg_CPP} ${arg_HPP} PARENT_SCOPE)
  endif()
endfunction()

# ---- sign_enable -------------------------------------------------------------------------
function(sign_enable)
  set(call "sign_enable()")
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "OUTPUT_DIR;NAMESPACE;FORMAT;LINE_DIRECTIVES;OUT_VAR"
                        "TARGETS;IMPORT_DIRS;DEPENDS;SIGNC_ARGS")
  _sign_check_arguments("${call}" arg)
  if(NOT arg_TARGETS)
    message(FATAL_ERROR "${call}: TARGETS is required")
  endif()
  list(LENGTH arg_TARGETS count)
  if(count GREATER 1 AND NOT "${arg_OUTPUT_DIR}" STREQUAL "")
    message(FATAL_ERROR "${call}: OUTPUT_DIR needs a single target (each target owns its generated files)")
  endif()
  set(out_files)
  foreach(target IN LISTS arg_TARGETS)
    set(call "sign_enable(${target})")
    if(NOT TARGET ${target})
      message(FATAL_ERROR "${call}: no such target")
    endif()
    get_target_property(target_dir ${target} SOURCE_DIR)
    if(NOT target_dir STREQUAL CMAKE_CURRENT_SOURCE_DIR)
      message(FATAL_ERROR "${call}: call it in ${target_dir}, the directory that created ${target}")
    endif()
    get_target_property(all ${target} SOURCES)
    set(sign_sources)
    foreach(src IN LISTS all)
      if(src MATCHES "\\.(sign|sn)$")
        list(APPEND sign_sources "${src}")
      endif()
    endforeach()
    if(NOT sign_sources)
      message(FATAL_ERROR "${call}: ${target} lists no .sign or .sn sources")
    endif()
    _sign_require_signc("${call}")
    set(one_SOURCES ${sign_sources})
    set(one_ENTRY "")
    set(one_LINK "")
    foreach(key OUTPUT_DIR NAMESPACE FORMAT LINE_DIRECTIVES IMPORT_DIRS DEPENDS SIGNC_ARGS)
      set(one_${key} ${arg_${key}})
    endforeach()
    # The .sign files already are sources of the target: _sign_finish_target
    # adds them again, which CMake de-duplicates.
    _sign_generate("${call}" ${target} one)
    _sign_finish_target(${target} PRIVATE one)
    list(APPEND out_files ${one_CPP} ${one_HPP})
  endforeach()
  if(NOT "${arg_OUT_VAR}" STREQUAL "")
    set(${arg_OUT_VAR} ${out_files} PARENT_SCOPE)
  endif()
endfunction()

# Resolve now, so a version mismatch fails at find_package(Sign) and
# Sign::signc is visible where Sign::runtime is.
_sign_resolve_signc()
