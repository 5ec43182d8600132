// matrix/gemm/thread_pool.hpp - the library's one pool of std::threads (internal; the public knob is threads.hpp).
//
// EN: parallel_for(n, task) runs task(0), ..., task(n-1) spread over the pool's threads and the calling thread,
//     and returns when all have finished. The pool is created on first use and lives until the program ends.
// KO: parallel_for(n, task)는 task(0) ... task(n-1)을 풀의 스레드와 호출한 스레드에 나누어 실행하고,
//     모두 끝나면 돌아옵니다. 풀은 처음 쓸 때 만들어져 프로그램이 끝날 때까지 남습니다.
#pragma once

#include <cstddef>
#include <functional>

namespace dnn::detail {

// Runs task(i) for every i in [0, n_tasks), at most get_num_threads() at a time, the caller taking part.
// Which thread runs which i is not fixed, so a task must write only its own part of the output.
// Called from inside a task (nested), it runs the tasks one after the other on the calling thread.
// The first exception a task throws is rethrown here once every task has stopped.
void parallel_for(std::size_t n_tasks, const std::function<void(std::size_t)>& task);

}  // namespace dnn::detail
