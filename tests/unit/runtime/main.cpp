// SPDX-License-Identifier: MIT
#define BOOST_TEST_MODULE sign runtime
#include <boost/test/unit_test.hpp>
