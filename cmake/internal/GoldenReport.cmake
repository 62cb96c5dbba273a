# SPDX-License-Identifier: MIT
# Shared by the golden scripts (RunGoldenTest.cmake, RunGoldenProgram.cmake):
# how a mismatch is reported. The fresh file goes to PENDING_DIR (to inspect
# or copy over), and the unified diff — or the missing expected file — is
# printed under the test's name.
function(sign_golden_report test expected actual pending_subdir)
  get_filename_component(file_name "${actual}" NAME)
  file(MAKE_DIRECTORY "${PENDING_DIR}/${pending_subdir}")
  file(COPY_FILE "${actual}" "${PENDING_DIR}/${pending_subdir}/${file_name}")
  if(EXISTS "${expected}")
    execute_process(COMMAND diff -u "${expected}" "${actual}" OUTPUT_VARIABLE diff)
    message("${test}: ${file_name} differs from the expected file:\n${diff}")
  else()
    message("${test}: expected file ${expected} is missing (a missing file never passes)")
  endif()
endfunction()
