// SPDX-License-Identifier: MIT
// PinnedArea (pinned_area.hpp; memory-model.md §1, §3.4): one block per
// allocation, recorded in a map so every release is validated exactly.
#include <sign/memory/error.hpp>
#include <sign/memory/pinned_area.hpp>
#include <sign/simd/primitives.hpp>

#include <iterator>
#include <sstream>
#include <vector>

#include "block.hpp"
#include "internal.hpp"

namespace sign {
namespace {
std::string hex(const void* p) {
  std::ostringstream out;
  out << p;
  return out.str();
}
}  // namespace

PinnedArea::~PinnedArea() {
  // Process teardown: the area is resident until here.
  while (!blocks_.empty()) free_block(take_block(blocks_.begin()));
}

void* PinnedArea::allocate(std::size_t size, std::size_t align, ModuleId module) {
  if (size == 0 || align == 0 || (align & (align - 1)) != 0 || align > 65536) {
    throw MemoryError(MemoryErrc::invalid_argument,
                      "PinnedArea::allocate: size must be > 0 and alignment a power of two up to 64 KiB");
  }
  void* raw = detail::block_alloc(size, align < 16 ? 16 : align);
  simd::zero(raw, size);
  std::lock_guard<std::mutex> lock(mutex_);
  blocks_[reinterpret_cast<std::uintptr_t>(raw)] = Block{size, module, raw, nullptr};
  released_.erase(reinterpret_cast<std::uintptr_t>(raw));
  bytes_ += size;
  return raw;
}

ObjectHeader* PinnedArea::allocate_object(std::uint8_t tag, std::size_t payload_size, ModuleId module) {
  if (find_kind(tag) == nullptr) {
    throw MemoryError(MemoryErrc::unknown_kind, "PinnedArea::allocate_object: tag " + std::to_string(tag) +
                                                    " is not a registered kind");
  }
  if (payload_size > (std::size_t{1} << 47)) throw std::bad_alloc();
  void* raw = detail::block_alloc(2 * sizeof(std::uintptr_t) + payload_size, 16);
  auto* o = reinterpret_cast<ObjectHeader*>(static_cast<std::byte*>(raw) + sizeof(std::uintptr_t));
  detail::header_word(o) = 0;
  *o = ObjectHeader{0, module, static_cast<std::uint8_t>(Region::pinned), tag};
  simd::zero(payload(o), payload_size);
  std::lock_guard<std::mutex> lock(mutex_);
  blocks_[reinterpret_cast<std::uintptr_t>(o)] = Block{sizeof(ObjectHeader) + payload_size, module, raw, o};
  released_.erase(reinterpret_cast<std::uintptr_t>(o));
  bytes_ += sizeof(ObjectHeader) + payload_size;
  return o;
}

bool PinnedArea::contains(const void* p) const {
  const auto a = reinterpret_cast<std::uintptr_t>(p);
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = blocks_.upper_bound(a);
  if (it == blocks_.begin()) return false;
  --it;
  return a < it->first + it->second.size;
}

ModuleId PinnedArea::module_of(const void* p) const {
  const auto a = reinterpret_cast<std::uintptr_t>(p);
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = blocks_.upper_bound(a);
  if (it != blocks_.begin() && a < std::prev(it)->first + std::prev(it)->second.size) {
    return std::prev(it)->second.module;
  }
  throw MemoryError(MemoryErrc::foreign_pointer, "PinnedArea: " + hex(p) + " is not pinned memory");
}

PinnedArea::Block PinnedArea::take_block(std::map<std::uintptr_t, Block>::iterator it) {
  Block b = it->second;
  if (released_.size() >= 65536) released_.clear();  // bounded history of released addresses
  released_.insert(it->first);
  blocks_.erase(it);
  bytes_ -= b.size;
  return b;
}

// Runs without the lock: dropping an object's children may run finalizers.
void PinnedArea::free_block(const Block& b) noexcept {
  void* user = b.object != nullptr ? static_cast<void*>(b.object) : b.raw;
  if (b.object != nullptr) detail::release_uncounted(b.object);
  detail::poison_released(user, b.size);
  detail::unpoison(b.raw, b.size + (b.object != nullptr ? sizeof(std::uintptr_t) : 0));
  detail::block_free(b.raw);
}

void PinnedArea::release(const void* p, LoaderOverride) {
  const auto a = reinterpret_cast<std::uintptr_t>(p);
  std::unique_lock<std::mutex> lock(mutex_);
  auto it = blocks_.find(a);
  if (it != blocks_.end()) {
    const Block b = take_block(it);
    lock.unlock();
    free_block(b);
    return;
  }
  if (released_.count(a) != 0) {
    throw MemoryError(MemoryErrc::double_release, "PinnedArea::release: " + hex(p) + " was already released");
  }
  throw MemoryError(MemoryErrc::foreign_pointer,
                    "PinnedArea::release: " + hex(p) + " is not the start of a pinned block");
}

std::size_t PinnedArea::release_module(ModuleId module, LoaderOverride) {
  std::vector<Block> doomed;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = blocks_.begin(); it != blocks_.end();) {
      auto next = std::next(it);
      if (it->second.module == module) doomed.push_back(take_block(it));
      it = next;
    }
  }
  for (const Block& b : doomed) free_block(b);
  return doomed.size();
}

std::size_t PinnedArea::block_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return blocks_.size();
}

std::size_t PinnedArea::bytes_in_use() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return bytes_;
}

PinnedArea& pinned_area() noexcept {
  static PinnedArea area;
  return area;
}

}  // namespace sign
