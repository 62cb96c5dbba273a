// N pseudo-random numbers quicksorted (first element as pivot, partitions
// into new vectors, concatenated), then a position-weighted checksum, as
// qsort.sign: a List.
#include <cstdint>
#include <cstdio>
#include <vector>
using V = std::vector<std::int64_t>;
static V qs(const V& v) {
  if (v.empty()) return {};
  const std::int64_t p = v[0];
  V lo, hi;
  for (std::size_t i = 1; i < v.size(); ++i) (v[i] < p ? lo : hi).push_back(v[i]);
  V out = qs(lo);
  out.push_back(p);
  V h = qs(hi);
  out.insert(out.end(), h.begin(), h.end());
  return out;
}
int main() {
  const std::int64_t n = 200000;
  V xs(n);
  xs[n - 1] = 7;
  std::int64_t x = 1;
  for (std::int64_t k = n - 2; k >= 0; --k) { xs[k] = x; x = (x * 75 + 74) % 65537; }
  V ys = qs(xs);
  std::int64_t s = 0, i = 1;
  for (std::int64_t h : ys) { s = (s + i * h) % 1000000007; ++i; }
  std::printf("[%zu %lld %lld %lld]\n", ys.size(), (long long)ys[0], (long long)ys.back(), (long long)s);
}
