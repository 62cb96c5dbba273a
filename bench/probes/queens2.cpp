// n-queens with the placed columns in a vector (newest last), each candidate
// checked by an index walk, as queens2.sign.
#include <cstdint>
#include <cstdio>
#include <vector>
constexpr int N = 12;
static bool safe(int c, const std::vector<int>& qs) {
  const int n = static_cast<int>(qs.size());
  for (int i = 0; i < n; ++i) {
    if (qs[i] == c || qs[i] - c == n - i || c - qs[i] == n - i) return false;
  }
  return true;
}
static std::int64_t solve(std::vector<int>& qs) {
  if (static_cast<int>(qs.size()) == N) return 1;
  std::int64_t acc = 0;
  for (int c = 0; c < N; ++c) {
    if (!safe(c, qs)) continue;
    qs.push_back(c);
    acc += solve(qs);
    qs.pop_back();
  }
  return acc;
}
int main() {
  std::vector<int> qs;
  qs.reserve(N);
  std::printf("%lld\n", static_cast<long long>(solve(qs)));
}
