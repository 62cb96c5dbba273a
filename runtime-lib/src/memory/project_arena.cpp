// SPDX-License-Identifier: MIT
// ProjectArena (project_arena.hpp; memory-model.md §1, §5): chunks, the slow
// allocation path, finalization of tracked objects, release with the
// external-reference check, the invariant walker.
#include <sign/memory/error.hpp>
#include <sign/memory/project_arena.hpp>
#include <sign/simd/primitives.hpp>

#include <algorithm>
#include <sstream>

#include "block.hpp"
#include "internal.hpp"

namespace sign {

// A chunk: this header, then its bytes. used_end is where allocation stopped
// once a newer chunk took over (the newest chunk's is cur_).
struct ProjectArena::Chunk {
  Chunk* next;
  std::size_t size;  // bytes after the header
  std::uintptr_t used_end;
  std::uintptr_t pad;
  std::uintptr_t begin() const noexcept { return reinterpret_cast<std::uintptr_t>(this + 1); }
  std::uintptr_t end() const noexcept { return begin() + size; }
};


namespace {
constexpr std::size_t kMaxAlign = 4096;
std::size_t round_up(std::size_t n, std::size_t to) noexcept { return (n + to - 1) & ~(to - 1); }
}  // namespace

ProjectArena::ProjectArena(ModuleId module, ArenaOptions options)
    : module_(module), options_(options), next_chunk_(std::max<std::size_t>(options.first_chunk, 256)) {
  options_.max_chunk = std::max(options_.max_chunk, next_chunk_);
}

ProjectArena::~ProjectArena() {
  if (released_) return;
  finalize_tracked();
  free_chunks(nullptr);
}

void ProjectArena::add_chunk(std::size_t at_least) {
  const std::size_t size = std::max(next_chunk_, round_up(at_least, 16));
  static_assert(sizeof(Chunk) % 16 == 0, "chunk bytes start 16-byte aligned");
  auto* c = static_cast<Chunk*>(detail::block_alloc(sizeof(Chunk) + size, 16));
  c->size = size;
  c->pad = 0;
  detail::poison(reinterpret_cast<void*>(c->begin()), size);  // unpoisoned per allocation
  if (at_least > options_.max_chunk / 2 && chunks_ != nullptr) {
    // A large request gets a chunk of its own behind the current one, so the
    // current chunk's free tail is not wasted.
    c->used_end = c->begin();
    c->next = chunks_->next;
    chunks_->next = c;
    return;
  }
  if (chunks_ != nullptr) {
    chunks_->used_end = cur_;
    retired_bytes_ += cur_ - chunks_->begin();
  }
  c->next = chunks_;
  c->used_end = c->begin();
  chunks_ = c;
  cur_ = c->begin();
  end_ = c->end();
  next_chunk_ = std::min(next_chunk_ * 2, options_.max_chunk);
  if constexpr (SIGN_DEBUG >= 3) {
    if (!is_valid()) impl::fatal("ProjectArena: invariant broken after adding a chunk");
  }
}

void* ProjectArena::allocate_slow(std::size_t size, std::size_t align) {
  if (released_) {
    throw MemoryError(MemoryErrc::arena_released,
                      "ProjectArena: allocation after module " + std::to_string(module_) + "'s arena was released");
  }
  if (align == 0 || (align & (align - 1)) != 0 || align > kMaxAlign) {
    throw MemoryError(MemoryErrc::invalid_argument, "ProjectArena: alignment must be a power of two up to 4096");
  }
  if (size > (std::size_t{1} << 47)) throw std::bad_alloc();
  if (size == 0) size = 1;
  for (int attempt = 0; attempt < 2; ++attempt) {
    const std::uintptr_t at = round_up(cur_, align);
    if (chunks_ != nullptr && at >= cur_ && at <= end_ && size <= end_ - at) {
      cur_ = at + size;
      detail::unpoison(reinterpret_cast<void*>(at), size);
      return reinterpret_cast<void*>(at);
    }
    const std::size_t need = size + align;
    if (need > options_.max_chunk / 2 && chunks_ != nullptr) {
      add_chunk(need);  // its own chunk, linked behind the current one
      Chunk* big = chunks_->next;
      const std::uintptr_t p = round_up(big->begin(), align);
      big->used_end = p + size;
      retired_bytes_ += big->used_end - big->begin();
      detail::unpoison(reinterpret_cast<void*>(p), size);
      return reinterpret_cast<void*>(p);
    }
    add_chunk(need);
  }
  throw std::bad_alloc();  // unreachable: a fresh chunk always fits
}

void* ProjectArena::allocate_zeroed(std::size_t size, std::size_t align) {
  void* p = allocate(size, align);
  simd::zero(p, size);
  return p;
}

ObjectHeader* ProjectArena::allocate_object(std::uint8_t tag, std::size_t payload_size) {
  if (find_kind(tag) == nullptr) {
    throw MemoryError(MemoryErrc::unknown_kind, "ProjectArena::allocate_object: tag " + std::to_string(tag) +
                                                    " is not a registered kind");
  }
  if (payload_size > (std::size_t{1} << 47)) throw std::bad_alloc();
  auto* block = static_cast<std::byte*>(allocate(2 * sizeof(std::uintptr_t) + payload_size, 16));
  auto* o = reinterpret_cast<ObjectHeader*>(block + sizeof(std::uintptr_t));
  detail::header_word(o) = 0;
  *o = ObjectHeader{0, module_, static_cast<std::uint8_t>(Region::arena), tag};
  simd::zero(payload(o), payload_size);
  if (detail::has_children_or_finalizer(tag)) tracked_.push_back(o);
  return o;
}

ObjectHeader* ProjectArena::make_ref_array(std::size_t count) {
  ObjectHeader* o = allocate_object(tags::ref_array, ref_array_payload_size(count));
  ref_array_count(o) = count;
  return o;
}

bool ProjectArena::contains(const void* p) const noexcept {
  const auto a = reinterpret_cast<std::uintptr_t>(p);
  for (const Chunk* c = chunks_; c != nullptr; c = c->next) {
    const std::uintptr_t used = c == chunks_ ? cur_ : c->used_end;
    if (a >= c->begin() && a < used) return true;
  }
  return false;
}

void ProjectArena::add_external_ref(ModuleId holder) {
  auto it = std::lower_bound(external_.begin(), external_.end(), holder,
                             [](const auto& e, ModuleId h) { return e.first < h; });
  if (it != external_.end() && it->first == holder) {
    ++it->second;
  } else {
    external_.insert(it, {holder, 1});
  }
}

void ProjectArena::remove_external_ref(ModuleId holder) {
  auto it = std::lower_bound(external_.begin(), external_.end(), holder,
                             [](const auto& e, ModuleId h) { return e.first < h; });
  if (it == external_.end() || it->first != holder) {
    throw MemoryError(MemoryErrc::invalid_argument, "ProjectArena: module " + std::to_string(holder) +
                                                        " holds no reference into module " +
                                                        std::to_string(module_) + "'s arena");
  }
  if (--it->second == 0) external_.erase(it);
}

std::size_t ProjectArena::external_refs() const noexcept {
  std::size_t n = 0;
  for (const auto& e : external_) n += e.second;
  return n;
}

std::vector<std::pair<ModuleId, std::size_t>> ProjectArena::external_holders() const { return external_; }

void ProjectArena::finalize_tracked() noexcept {
  for (ObjectHeader* o : tracked_) detail::release_uncounted(o);
  tracked_.clear();
}

void ProjectArena::free_chunks(Chunk* keep) noexcept {
  Chunk* c = chunks_;
  while (c != nullptr) {
    Chunk* next = c->next;
    if (c != keep) {
      detail::poison_released(reinterpret_cast<void*>(c->begin()), c->size);
      detail::unpoison(c, sizeof(Chunk) + c->size);  // the allocator owns it again
      detail::block_free(c);
    }
    c = next;
  }
}

void ProjectArena::reset() noexcept {
  finalize_tracked();
  Chunk* keep = chunks_;
  free_chunks(keep);
  chunks_ = keep;
  retired_bytes_ = 0;
  if (keep != nullptr) {
    keep->next = nullptr;
    keep->used_end = keep->begin();
    detail::poison_released(reinterpret_cast<void*>(keep->begin()), keep->size);
    cur_ = keep->begin();
    end_ = keep->end();
  }
}

void ProjectArena::release() {
  if (released_) {
    throw MemoryError(MemoryErrc::double_release,
                      "ProjectArena: module " + std::to_string(module_) + "'s arena was already released");
  }
  if (!external_.empty()) {
    std::ostringstream why;
    why << "ProjectArena: module " << module_ << "'s arena is still referenced from outside (§5):";
    for (const auto& [holder, count] : external_) {
      if (holder == kNoModule) {
        why << " the symbol table or the Shared-Heap (" << count << ")";
      } else {
        why << " module " << holder << " (" << count << ")";
      }
    }
    throw MemoryError(MemoryErrc::unload_refused, why.str());
  }
  finalize_tracked();
  free_chunks(nullptr);
  chunks_ = nullptr;
  cur_ = end_ = 0;
  retired_bytes_ = 0;
  released_ = true;
}

std::size_t ProjectArena::bytes_allocated() const noexcept {
  return retired_bytes_ + (chunks_ != nullptr ? cur_ - chunks_->begin() : 0);
}

std::size_t ProjectArena::chunk_count() const noexcept {
  std::size_t n = 0;
  for (const Chunk* c = chunks_; c != nullptr; c = c->next) ++n;
  return n;
}

bool ProjectArena::is_valid() const noexcept {
  if (released_) return chunks_ == nullptr && tracked_.empty();
  if (chunks_ == nullptr) return cur_ == 0 && end_ == 0 && tracked_.empty();
  if (cur_ < chunks_->begin() || cur_ > end_ || end_ != chunks_->end()) return false;
  std::size_t used = 0, n = 0;
  for (const Chunk* c = chunks_; c != nullptr; c = c->next) {
    if (++n > (std::size_t{1} << 40)) return false;  // a cycle in the list
    const std::uintptr_t u = c == chunks_ ? cur_ : c->used_end;
    if (u < c->begin() || u > c->end()) return false;
    used += u - c->begin();
  }
  if (used != bytes_allocated()) return false;
  for (const ObjectHeader* o : tracked_) {
    if (!contains(o) || reinterpret_cast<std::uintptr_t>(o) % 16 != 8) return false;
    if (rc_of(o) != 0 || region_of(o) != Region::arena || o->module != module_) return false;
    if (find_kind(o->tag) == nullptr) return false;
  }
  for (std::size_t i = 1; i < external_.size(); ++i) {
    if (external_[i - 1].first >= external_[i].first) return false;
  }
  return true;
}

}  // namespace sign
