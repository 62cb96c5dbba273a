# SPDX-License-Identifier: MIT
# Cross toolchain for aarch64-linux-gnu (Debian multiarch). Installed with the
# package so consumers cross-compile Sign modules with the same file.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
# Tests built for the target run through qemu-user with the cross sysroot.
# LD_LIBRARY_PATH keeps libc with the sysroot's ld.so: otherwise ld.so comes
# from libc6-arm64-cross and libc.so.6 from the multiarch libc6:arm64, and
# when their Debian revisions differ, pthread_create hangs.
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64;-L;/usr/aarch64-linux-gnu;-E;LD_LIBRARY_PATH=/usr/aarch64-linux-gnu/lib)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
