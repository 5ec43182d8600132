// matrix/threads.hpp - how many threads the library's kernels may use: the GEMM behind np::dot, and + - * / on
// large arrays (from 32768 elements).
//
// EN: The default is every core of the machine, or the environment variable DNN_NUM_THREADS when it is set
//     (a positive integer); a `make debug` build defaults to 1. The threads are created once, on first use, and reused by every call.
//     Results never depend on the thread count: work is split over blocks of the output, never over a sum,
//     so 1, 2 or 8 threads give bitwise identical numbers. The threads run np::dot's products and the
//     arithmetic operators on large arrays (W - lr * dW for the cat network's W1).
// KO: 기본값은 머신의 모든 코어이며(`make debug` 빌드는 1), 환경 변수 DNN_NUM_THREADS(양의 정수)가 있으면
//     그 값을 씁니다. 스레드는 np::dot의 곱셈과 큰 배열의 산술 연산자(고양이 신경망 W1의 W - lr * dW)를
//     실행합니다.
//     스레드는 처음 쓸 때 한 번 만들어지고 모든 호출에서 재사용됩니다. 작업은 합이 아니라 출력 블록
//     단위로 나뉘므로, 스레드 수가 1이든 2이든 8이든 결과는 비트 단위로 같습니다.
#pragma once

namespace dnn {

// EN: Use n threads (n >= 1) from now on; 1 runs everything on the calling thread, handy in a debugger.
//     Throws std::invalid_argument when n < 1. Do not call it while another thread is inside the library.
// KO: 이제부터 n개(n >= 1)의 스레드를 씁니다. 1이면 모든 계산을 호출한 스레드에서 하므로 디버거에서
//     따라가기 좋습니다. n < 1이면 std::invalid_argument를 던집니다. 다른 스레드가 라이브러리 안에서
//     계산하는 동안에는 부르지 마세요.
void set_num_threads(int n);

// EN: The number of threads in use: set_num_threads' value, else DNN_NUM_THREADS, else the number of cores.
//     Throws std::invalid_argument when DNN_NUM_THREADS is set but is not an integer from 1 to 4096.
// KO: 현재 쓰는 스레드 수: set_num_threads로 정한 값, 없으면 DNN_NUM_THREADS, 그것도 없으면 코어 수.
//     DNN_NUM_THREADS가 1에서 4096 사이의 정수가 아니면 std::invalid_argument를 던집니다.
int get_num_threads();

}  // namespace dnn
