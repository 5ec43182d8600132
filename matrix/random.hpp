// matrix/random.hpp - np.random.seed / randn / rand, bit-identical to numpy's legacy RandomState.
//
// EN: One global generator, as numpy's np.random functions share one. The stream continues across calls until
//     the next seed(), and randn keeps numpy's cached second normal across calls: after a (1, 3) draw one value
//     is cached and the next randn starts with it. So the notebook's test cases rebuild exactly.
// KO: numpy의 np.random 함수들처럼 전역 생성기 하나를 씁니다. 다음 seed() 전까지 수열은 호출 사이에 이어지고,
//     randn은 numpy처럼 남은 두 번째 정규값을 다음 호출로 넘깁니다((1, 3)을 뽑으면 한 값이 남아 다음 randn의
//     첫 값이 됩니다). 그래서 노트북의 테스트 케이스가 그대로 재현됩니다.
#pragma once

#include "matrix/matrix.hpp"

namespace dnn::np::random {

// np.random.seed(seed): MT19937 init_genrand(seed); forgets the cached normal. seed must be in [0, 2**32 - 1].
void seed(long long seed);

// np.random.randn(rows, cols): standard normals, filled in C (row-major) order.
Matrix randn(std::size_t rows, std::size_t cols);
// np.random.rand(rows, cols): uniform doubles in [0, 1) with 53 random bits, C order.
Matrix rand(std::size_t rows, std::size_t cols);

// One value each, as the above draw them (np.random.standard_normal() / np.random.random_sample()).
double standard_normal();
double random_sample();

}  // namespace dnn::np::random
