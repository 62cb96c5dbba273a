# SPDX-License-Identifier: MIT
# Project-only helpers for the cmake -P scripts behind tests/package: run a
# step and fail with its whole output, and check text against a pattern.
# The user's environment must not leak into a consumer build under test.
cmake_minimum_required(VERSION 3.20)  # policies for the including -P script
foreach(var CMAKE_PREFIX_PATH CMAKE_TOOLCHAIN_FILE CMAKE_GENERATOR CMAKE_BUILD_TYPE
            CMAKE_EXPORT_COMPILE_COMMANDS MAKEFLAGS)
  unset(ENV{${var}})
endforeach()

# sign_test_run(<what> COMMAND <cmd>... [EXPECT_FAIL] [OUTPUT <var>] [WORKING_DIRECTORY <dir>])
# Runs <cmd> with stdout and stderr merged; fails the test when the exit
# status is not the expected one.
function(sign_test_run what)
  cmake_parse_arguments(PARSE_ARGV 1 arg "EXPECT_FAIL" "OUTPUT;WORKING_DIRECTORY" "COMMAND")
  set(wd)
  if(arg_WORKING_DIRECTORY)
    set(wd WORKING_DIRECTORY "${arg_WORKING_DIRECTORY}")
  endif()
  list(JOIN arg_COMMAND " " shown)
  message(STATUS "${what}: ${shown}")
  execute_process(COMMAND ${arg_COMMAND} ${wd} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(arg_EXPECT_FAIL AND rc EQUAL 0)
    message(FATAL_ERROR "${what}: succeeded, but must fail\n$ ${shown}\n${out}")
  elseif(NOT arg_EXPECT_FAIL AND NOT rc EQUAL 0)
    message(FATAL_ERROR "${what}: failed (exit ${rc})\n$ ${shown}\n${out}")
  endif()
  if(arg_OUTPUT)
    set(${arg_OUTPUT} "${out}" PARENT_SCOPE)
  endif()
endfunction()

# sign_test_expect(<what> <text> MATCHES|NOT_MATCHES <regex>)
function(sign_test_expect what text mode regex)
  if(mode STREQUAL "MATCHES" AND NOT text MATCHES "${regex}")
    message(FATAL_ERROR "${what}: expected a match for\n  ${regex}\nin:\n${text}")
  elseif(mode STREQUAL "NOT_MATCHES" AND text MATCHES "${regex}")
    message(FATAL_ERROR "${what}: expected no match for\n  ${regex}\nin:\n${text}")
  endif()
endfunction()

# sign_test_regex_escape(<out> <text>): <text> as a literal in a regex.
function(sign_test_regex_escape out text)
  string(REGEX REPLACE "([][+.*()^$?|\\\\])" "\\\\\\1" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()
