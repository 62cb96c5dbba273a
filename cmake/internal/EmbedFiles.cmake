# SPDX-License-Identifier: MIT
# cmake -P script: writes OUTPUT, a C++ file defining one
# `std::string_view` per input file inside NAMESPACE, named after the file
# (non-identifier characters become '_'). Used to compile templates/ into signc.
#   -DOUTPUT=... -DNAMESPACE=... -DFILES=a;b;c
file(WRITE "${OUTPUT}.tmp" "// Generated from templates/ by EmbedFiles.cmake. DO NOT EDIT.\n#include <string_view>\nnamespace ${NAMESPACE} {\n")
foreach(f IN LISTS FILES)
  get_filename_component(name "${f}" NAME)
  string(MAKE_C_IDENTIFIER "${name}" id)
  file(READ "${f}" content)
  string(FIND "${content}" ")SIGN_EMBED\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${f} contains the raw-string delimiter )SIGN_EMBED\"")
  endif()
  file(APPEND "${OUTPUT}.tmp" "extern const std::string_view ${id} = R\"SIGN_EMBED(${content})SIGN_EMBED\";\n")
endforeach()
file(APPEND "${OUTPUT}.tmp" "}  // namespace ${NAMESPACE}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
