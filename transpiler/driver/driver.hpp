// SPDX-License-Identifier: MIT
// driver stage: the signc command line.
#pragma once

namespace signc::driver {

// Runs signc with the given arguments; returns the process exit code.
int main(int argc, char** argv);

}  // namespace signc::driver
