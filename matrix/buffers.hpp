// matrix/buffers.hpp - the memory behind every Matrix, with large buffers kept for reuse (internal).
//
// EN: A training loop frees and allocates the same large arrays every iteration (dA0 is 20 MB for the cat
//     network). Handed back to the C library, such a buffer may go back to the system and return as fresh
//     pages, each zeroed by the kernel on first touch: thousands of page faults, an iteration ten times slower.
//     So a buffer of 1 MiB or more whose size was released before (a size that recurs, as in a loop) is kept
//     when released (64 MiB at most, the oldest given back first) and handed out again to the next request of
//     that size. A large request that no kept buffer fits gives every kept buffer back to the heap: the
//     program has moved on, and its new arrays can use that memory.
// KO: 학습 루프는 매 반복마다 같은 큰 배열을 해제하고 다시 할당합니다(고양이 신경망의 dA0는 20 MB). C
//     라이브러리에 돌려준 버퍼는 시스템으로 반환되었다가 새 페이지로 돌아올 수 있는데, 커널이 첫 접근 때
//     페이지마다 0으로 채우므로 페이지 폴트가 수천 번 나고 반복 한 번이 열 배 느려집니다. 그래서 1 MiB
//     이상이면서 전에도 같은 크기가 해제된 적이 있는(루프처럼 되풀이되는) 버퍼는 해제될 때 보관해
//     두었다가(최대 64 MiB, 오래된 것부터 돌려줌) 같은 크기의 다음 요청에 그대로 내줍니다. 보관한 어떤
//     버퍼에도 맞지 않는 큰 요청이 오면 프로그램이 다른 일로 넘어간 것이므로 보관한 버퍼를 모두 힙에
//     돌려줘 새 배열들이 그 메모리를 쓰게 합니다.
#pragma once

#include <cstddef>
#include <memory>

namespace dnn::detail {

// n > 0 doubles, uninitialized (a reused buffer holds its last owner's numbers). Thread-safe.
std::shared_ptr<double[]> allocate_buffer(std::size_t n);

// The bytes kept for reuse right now (for tests).
std::size_t kept_buffer_bytes();

}  // namespace dnn::detail
