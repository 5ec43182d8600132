// tests/test_random.cpp - np::random against numpy's own numbers (the first values numpy draws after seeds 1, 2, 3 and 6).
#include <doctest/doctest.h>

#include <vector>

#include "dnn.hpp"

using namespace dnn;

namespace {

// The first values of one long randn draw, as a flat list.
std::vector<double> flat(const Matrix& m) {
    std::vector<double> v;
    for (std::size_t i = 0; i < m.rows(); ++i)
        for (std::size_t j = 0; j < m.cols(); ++j) v.push_back(m(i, j));
    return v;
}

void check_prefix(long long seed, const std::vector<double>& expected) {
    INFO("seed " << seed);
    np::random::seed(seed);
    const auto got = flat(np::random::randn(1, expected.size()));
    for (std::size_t k = 0; k < expected.size(); ++k) CHECK(got[k] == expected[k]);  // bit for bit

    // The same stream drawn in odd-sized pieces: numpy's cached second normal carries across calls.
    np::random::seed(seed);
    std::vector<double> pieces;
    for (std::size_t n : {1u, 3u, 1u, 2u, 1u}) {
        const auto part = flat(np::random::randn(n, 1));
        pieces.insert(pieces.end(), part.begin(), part.end());
    }
    for (std::size_t k = 0; k < expected.size(); ++k) CHECK(pieces[k] == expected[k]);
}

}  // namespace

TEST_CASE("random: randn prefixes for seeds 1, 2, 3 and 6 match numpy bit for bit") {
    check_prefix(1, {1.6243453636632417, -0.6117564136500754, -0.5281717522634557, -1.0729686221561705,
                     0.8654076293246785, -2.3015386968802827, 1.74481176421648, -0.7612069008951028});
    check_prefix(2, {-0.4167578474054706, -0.056266827226329474, -2.136196095668454, 1.6402708084049886,
                     -1.7934355851948631, -0.841747365656204, 0.5028814171580428, -1.2452880866072316});
    check_prefix(3, {1.7886284734303186, 0.43650985051198943, 0.09649746807200862, -1.8634927033644908,
                     -0.27738820251439905, -0.35475897926898675, -0.08274148148245977, -0.6270006768238473});
    check_prefix(6, {-0.3117836734875166, 0.7290039236125041, 0.217820788076002, -0.899091796547139,
                     -2.486780651627865, 0.9132515212358882, 1.1270637259718324, -1.5140932286302158});
}

TEST_CASE("random: randn fills in C order and the stream continues across calls") {
    np::random::seed(1);
    Matrix A = np::random::randn(3, 2);  // linear_forward_test_case's A
    CHECK(A(0, 1) == -0.6117564136500754);
    CHECK(A(1, 0) == -0.5281717522634557);
    Matrix W = np::random::randn(1, 3);  // continues: values 7 to 9
    CHECK(W(0, 0) == 1.74481176421648);
    CHECK(W(0, 1) == -0.7612069008951028);
}

TEST_CASE("random: rand matches numpy, and the cached normal survives a rand() in between") {
    np::random::seed(1);
    Matrix u = np::random::rand(1, 3);
    CHECK(u(0, 0) == 0.417022004702574);
    CHECK(u(0, 1) == 0.7203244934421581);
    CHECK(u(0, 2) == 0.00011437481734488664);

    // numpy: seed(2); randn(1, 1); rand(1, 2); randn(1, 2) -> the second randn starts with the cached value.
    np::random::seed(2);
    np::random::randn(1, 1);
    Matrix r = np::random::rand(1, 2);
    CHECK(r(0, 0) == 0.5496624778787091);
    CHECK(r(0, 1) == 0.4353223926182769);
    Matrix n = np::random::randn(1, 2);
    CHECK(n(0, 0) == -0.056266827226329474);
    CHECK(n(0, 1) == -1.7934355851948631);
}

TEST_CASE("random: seed() forgets the cached normal and rejects seeds numpy rejects") {
    np::random::seed(3);
    np::random::randn(1, 1);  // leaves 0.4365... cached
    np::random::seed(3);
    CHECK(np::random::randn(1, 1)(0, 0) == 1.7886284734303186);
    CHECK_THROWS_AS(np::random::seed(-1), std::invalid_argument);
    CHECK_THROWS_AS(np::random::seed(4294967296LL), std::invalid_argument);
    np::random::seed(4294967295LL);  // the largest seed numpy accepts
}
