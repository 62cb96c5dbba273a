// SPDX-License-Identifier: MIT
// Umbrella header: the one header generated code includes (DESIGN "Generated code").
//
// Three namespace tiers, as cppfront's cpp2util.h keeps them:
//   sign::        public, documented API for embedders and generated code;
//   sign::impl::  called only by code signc generates — no stability promise
//                 beyond SIGN_RUNTIME_ABI;
//   internals     live in runtime-lib/src and are never installed.
#pragma once

// Bumped whenever generated code and the runtime stop agreeing on a layout or
// calling convention; generated TUs #error on a mismatch.
#define SIGN_RUNTIME_ABI 1

#include <sign/value.hpp>
#include <sign/memory/cell.hpp>
#include <sign/memory/error.hpp>
#include <sign/memory/handle_table.hpp>
#include <sign/memory/module_registry.hpp>
#include <sign/memory/object_header.hpp>
#include <sign/memory/pinned_area.hpp>
#include <sign/memory/project_arena.hpp>
#include <sign/memory/shared_heap.hpp>
#include <sign/memory/weak_ref.hpp>
#include <sign/simd/primitives.hpp>
#include <sign/impl/arith.hpp>
#include <sign/impl/call.hpp>
#include <sign/impl/compare.hpp>
#include <sign/impl/ops.hpp>
#include <sign/impl/section.hpp>
#include <sign/impl/entry.hpp>
