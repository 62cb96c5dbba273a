// Start-up and exit only (startup.sign): prints N. Usage: startup [N=0]
#include <cstdlib>
#include <iostream>

int main(int argc, char** argv) { std::cout << (argc > 1 ? std::atoll(argv[1]) : 0) << '\n'; }
