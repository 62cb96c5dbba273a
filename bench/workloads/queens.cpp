// n-queens, counting every solution (queens.sign). Usage: queens [N=8]
// The columns of the queens placed so far live in one vector used as a stack.
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <vector>

namespace {

bool attacks(int c, const std::vector<int>& qs) {
  const int rows = static_cast<int>(qs.size());
  for (int i = 0; i < rows; ++i) {
    const int d = rows - i;  // rows between queen i and the new one
    if (qs[i] == c || qs[i] - c == d || c - qs[i] == d) return true;
  }
  return false;
}

std::int64_t place(int n, std::vector<int>& qs) {
  if (static_cast<int>(qs.size()) == n) return 1;
  std::int64_t count = 0;
  for (int c = 0; c < n; ++c) {
    if (attacks(c, qs)) continue;
    qs.push_back(c);
    count += place(n, qs);
    qs.pop_back();
  }
  return count;
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 8;
  std::vector<int> qs;
  qs.reserve(static_cast<std::size_t>(n));
  std::cout << place(n, qs) << '\n';
}
