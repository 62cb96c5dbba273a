// N pseudo-random numbers merge-sorted top-down (halves copied out, sorted,
// merged into a new vector), then a position-weighted checksum, as
// msort.sign: a List.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>
using V = std::vector<std::int64_t>;
static V msort(const V& v) {
  if (v.size() <= 1) return v;
  const std::size_t m = (v.size() + 1) / 2;
  V l = msort(V(v.begin(), v.begin() + m));
  V r = msort(V(v.begin() + m, v.end()));
  V out;
  out.reserve(v.size());
  std::merge(l.begin(), l.end(), r.begin(), r.end(), std::back_inserter(out));
  return out;
}
int main() {
  const std::int64_t n = 200000;
  V xs(n);
  xs[n - 1] = 7;
  std::int64_t x = 1;
  for (std::int64_t k = n - 2; k >= 0; --k) { xs[k] = x; x = (x * 75 + 74) % 65537; }
  V ys = msort(xs);
  std::int64_t s = 0, i = 1;
  for (std::int64_t h : ys) { s = (s + i * h) % 1000000007; ++i; }
  std::printf("[%zu %lld %lld %lld]\n", ys.size(), (long long)ys[0], (long long)ys.back(), (long long)s);
}
