// SPDX-License-Identifier: MIT
// signc entry point: everything happens in the driver stage.
#include "driver/driver.hpp"

int main(int argc, char** argv) { return signc::driver::main(argc, argv); }
