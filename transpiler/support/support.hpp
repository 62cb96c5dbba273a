// SPDX-License-Identifier: MIT
// support stage: source files, spans and the diagnostics sink every stage shares.
#pragma once

#include "support/diagnostics.hpp"
#include "support/scratch.hpp"
#include "support/source_file.hpp"
