# SPDX-License-Identifier: MIT
# cmake -P script: proves a function of the aarch64 runtime uses 128-bit NEON
# loads and/or stores (ldr/str/ld1/st1 on q registers), not a scalar loop.
#   -DOBJDUMP=... -DLIBRARY=... -DFUNCTION="sign::simd::copy(void*, void const*, unsigned long)"
#   [-DNEED=both|loads|stores]  (default both; compare only loads, fill only stores)
if(NOT NEED)
  set(NEED both)
endif()
execute_process(COMMAND "${OBJDUMP}" -d --no-show-raw-insn -C "${LIBRARY}"
                OUTPUT_VARIABLE asm RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${OBJDUMP} failed on ${LIBRARY}")
endif()
string(FIND "${asm}" "<${FUNCTION}>:" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${FUNCTION} not found in ${LIBRARY}")
endif()
string(SUBSTRING "${asm}" ${at} -1 body)
string(FIND "${body}" "\n\n" end)
string(SUBSTRING "${body}" 0 ${end} body)
string(REGEX MATCH "(ldr|ldp|ld1)[ \t]+[^\n]*q[0-9]" load "${body}")
string(REGEX MATCH "(str|stp|st1)[ \t]+[^\n]*q[0-9]" store "${body}")
if((NEED STREQUAL "both" OR NEED STREQUAL "loads") AND NOT load)
  message(FATAL_ERROR "${FUNCTION} has no NEON q-register load:\n${body}")
endif()
if((NEED STREQUAL "both" OR NEED STREQUAL "stores") AND NOT store)
  message(FATAL_ERROR "${FUNCTION} has no NEON q-register store:\n${body}")
endif()
message(STATUS "${FUNCTION}: NEON load '${load}', store '${store}'")
