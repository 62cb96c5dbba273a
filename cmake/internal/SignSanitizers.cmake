# SPDX-License-Identifier: MIT
# Project-only: SIGN_SANITIZE applies to every target of the build, so the
# runtime, signc and the tests agree (the asan/tsan presets set it).
if(SIGN_SANITIZE)
  set(SIGN_SANITIZE_FLAGS -fsanitize=${SIGN_SANITIZE} -fno-omit-frame-pointer
      -fno-sanitize-recover=all)
  add_compile_options(${SIGN_SANITIZE_FLAGS})
  add_link_options(${SIGN_SANITIZE_FLAGS})
else()
  set(SIGN_SANITIZE_FLAGS "")
endif()
