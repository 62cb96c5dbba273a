// SPDX-License-Identifier: MIT
#define BOOST_TEST_MODULE signc transpiler
#include <boost/test/unit_test.hpp>
