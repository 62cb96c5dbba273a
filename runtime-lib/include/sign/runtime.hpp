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

// Generated code needs only values and the sign::impl tier. The memory
// library (sign/memory/*.hpp) and the SIMD primitives (sign/simd/*.hpp) are
// included by those who use them: pulling them in here multiplied the time
// to compile each generated file (0.17 s -> 0.9 s).
#include <sign/value.hpp>
#include <sign/impl/arith.hpp>
#include <sign/impl/call.hpp>
#include <sign/impl/compare.hpp>
#include <sign/impl/ops.hpp>
#include <sign/impl/int_or_unit.hpp>
#include <sign/impl/text_buffer.hpp>
#include <sign/impl/section.hpp>
#include <sign/impl/pipeline.hpp>
#include <sign/impl/entry.hpp>
#include <sign/impl/module.hpp>
