// tests/test_notebook_check.cpp - the same / different verdict the demo and the tutorials print.
#include <doctest/doctest.h>

#include <sstream>

#include "nn/nn.hpp"

using namespace dnn;

TEST_CASE("notebook check: printed numbers carry their precision") {
    const auto n = notebook::parse_printed("[[ 3.26295337 -1.23429987]\n [ 0.  1.50000000e-05]]");
    REQUIRE(n.size() == 4);
    CHECK(n[0].value == 3.26295337);
    CHECK(n[0].half_unit == doctest::Approx(0.5e-8));
    CHECK(n[1].value == -1.23429987);
    CHECK(n[2].value == 0.0);
    CHECK(n[2].half_unit == 0.5);
    CHECK(n[3].value == 1.5e-05);
    CHECK(n[3].half_unit == doctest::Approx(0.5e-13));
}

TEST_CASE("notebook check: same within half a printed unit, different beyond it") {
    CHECK(notebook::compare_printed(Matrix{{3.262953374, -1.234299866}}, "[[ 3.26295337 -1.23429987]]").same);
    const auto off = notebook::compare_printed(Matrix{{3.26295337, -1.2342999}}, "[[ 3.26295337 -1.23429987]]");
    CHECK_FALSE(off.same);
    CHECK(off.detail.find("element (0, 1)") != std::string::npos);
    CHECK_FALSE(notebook::compare_printed(Matrix{{1, 2, 3}}, "[[ 1.  2.]]").same);  // a missing value
    CHECK(notebook::compare_printed(0.2797765635793422, "0.2797765635793422").same);
    CHECK_FALSE(notebook::compare_printed(0.2797765635793423, "0.2797765635793422").same);

    std::ostringstream os;
    CHECK_FALSE(notebook::show(os, "Z", Matrix{{1.0}}, "[[ 2.]]"));
    CHECK(os.str() == "Z = [[ 1.]]\n  notebook: [[ 2.]]\n  -> DIFFERENT: element (0, 0) is 1.0, the notebook printed 2.0 (off by 1)\n\n");
}
