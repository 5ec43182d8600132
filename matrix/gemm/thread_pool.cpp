// matrix/gemm/thread_pool.cpp - the thread count (threads.hpp) and the pool that parallel_for runs on.
//
// The pool's worker threads are started on first use; between calls they spin briefly, then sleep on a
// condition variable, so a call costs at most one wake-up, never a thread creation. One parallel_for runs at
// a time; the caller works too.
#include "matrix/gemm/thread_pool.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "matrix/threads.hpp"

namespace dnn {

namespace {

std::atomic<int> g_num_threads{0};  // 0: not chosen yet (environment or core count decides on first use)

int default_num_threads() {
    const char* text = std::getenv("DNN_NUM_THREADS");
    if (text == nullptr || *text == '\0') {
#ifdef DNN_DEFAULT_NUM_THREADS
        // `make debug` builds with DNN_DEFAULT_NUM_THREADS=1, so stepping through is predictable.
        return DNN_DEFAULT_NUM_THREADS;
#endif
        const unsigned cores = std::thread::hardware_concurrency();
        return cores == 0 ? 1 : static_cast<int>(cores);
    }
    errno = 0;
    char* end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || value < 1 || value > 4096)
        throw std::invalid_argument(std::string("dnn::get_num_threads: DNN_NUM_THREADS must be an integer from ") +
                                    "1 to 4096, got \"" + text + "\"");
    return static_cast<int>(value);
}

}  // namespace

void set_num_threads(int n) {
    if (n < 1) throw std::invalid_argument("dnn::set_num_threads: n must be at least 1, got " + std::to_string(n));
    g_num_threads.store(n);
}

int get_num_threads() {
    int n = g_num_threads.load();
    if (n == 0) {
        n = default_num_threads();
        int expected = 0;
        if (!g_num_threads.compare_exchange_strong(expected, n)) n = expected;  // someone chose first
    }
    return n;
}

namespace detail {

namespace {

thread_local bool t_inside_task = false;  // true while this thread runs a parallel_for task

// A pause inside a spin-wait loop (lets the other hyper-thread run, saves power).
inline void cpu_relax() {
#if (defined(__GNUC__) || defined(__clang__)) && (defined(__x86_64__) || defined(__i386__))
    __builtin_ia32_pause();
#else
    std::this_thread::yield();
#endif
}

// Spins until done() is true or `limit` has passed; returns done().
template <class Done>
bool spin_until(Done done, std::chrono::microseconds limit) {
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0;; ++i) {
        if (done()) return true;
        cpu_relax();
        if (i % 64 == 63 && std::chrono::steady_clock::now() - start > limit) return done();
    }
}

class Pool {
public:
    static Pool& instance() {
        static Pool pool;
        return pool;
    }

    ~Pool() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stop_ = true;
        }
        wake_.notify_all();
        for (std::thread& t : workers_) t.join();
    }

    void run(std::size_t n_tasks, const std::function<void(std::size_t)>& task, std::size_t threads) {
        std::lock_guard<std::mutex> one_call_at_a_time(call_mutex_);
        const std::size_t helpers = std::min(threads - 1, n_tasks - 1);
        while (workers_.size() < helpers) {
            const std::size_t index = workers_.size();
            workers_.emplace_back([this, index] { worker_main(index); });
        }
        {
            std::lock_guard<std::mutex> lock(mutex_);
            task_ = &task;
            n_tasks_ = n_tasks;
            next_.store(0);
            participants_ = helpers;
            finished_.store(0);
            error_ = nullptr;
            generation_.fetch_add(1, std::memory_order_release);  // publishes the round to spinning workers
        }
        wake_.notify_all();  // and to sleeping ones
        work();
        auto all_done = [this, helpers] { return finished_.load(std::memory_order_acquire) == helpers; };
        if (!spin_until(all_done, kCallerSpin)) {
            std::unique_lock<std::mutex> lock(mutex_);
            done_.wait(lock, all_done);
        }
        task_ = nullptr;
        if (error_) std::rethrow_exception(error_);
    }

private:
    Pool() = default;

    // A waking thread costs tens of microseconds on a virtual machine, so between rounds a worker first
    // spins for a while (products in a training loop come about this far apart), then sleeps. The caller,
    // done with its share, spins as long for the others, then sleeps too: on a busy machine its core is
    // then free for a worker that was held up.
    static constexpr std::chrono::microseconds kWorkerSpin{200};
    static constexpr std::chrono::microseconds kCallerSpin{200};

    // Claims and runs tasks until none is left; shared by the caller and the workers.
    void work() {
        t_inside_task = true;
        for (;;) {
            const std::size_t i = next_.fetch_add(1);
            if (i >= n_tasks_) break;
            try {
                (*task_)(i);
            } catch (...) {
                std::lock_guard<std::mutex> lock(mutex_);
                if (!error_) error_ = std::current_exception();
            }
        }
        t_inside_task = false;
    }

    void worker_main(std::size_t index) {
        std::uint64_t seen = 0;
        for (;;) {
            auto new_round = [&] { return generation_.load(std::memory_order_acquire) != seen; };
            spin_until(new_round, kWorkerSpin);
            std::size_t participants = 0;
            {
                // The round number and its size are read together under the lock the caller sets them under.
                std::unique_lock<std::mutex> lock(mutex_);
                wake_.wait(lock, [&] { return stop_ || new_round(); });
                if (stop_) return;
                seen = generation_.load();
                participants = participants_;
            }
            if (index >= participants) continue;  // not needed this round
            work();
            if (finished_.fetch_add(1, std::memory_order_acq_rel) + 1 == participants) {
                std::lock_guard<std::mutex> lock(mutex_);  // the caller may be between its check and its wait
                done_.notify_one();
            }
        }
    }

    std::mutex call_mutex_;                   // one parallel_for at a time
    std::mutex mutex_;                        // guards stop_, error_, participants_ and the sleeps below
    std::condition_variable wake_;            // workers sleep here for a new round
    std::condition_variable done_;            // the caller sleeps here for the round's workers
    std::vector<std::thread> workers_;
    std::atomic<std::uint64_t> generation_{0};  // round number; a change starts the workers
    std::size_t participants_ = 0;            // workers with index < participants_ take part in this round
    std::atomic<std::size_t> finished_{0};    // participants done with this round
    const std::function<void(std::size_t)>* task_ = nullptr;
    std::size_t n_tasks_ = 0;
    std::atomic<std::size_t> next_{0};        // next task index to claim
    std::exception_ptr error_;
    bool stop_ = false;
};

}  // namespace

void parallel_for(std::size_t n_tasks, const std::function<void(std::size_t)>& task) {
    if (n_tasks == 0) return;
    const std::size_t threads = static_cast<std::size_t>(get_num_threads());
    if (n_tasks == 1 || threads == 1 || t_inside_task) {
        for (std::size_t i = 0; i < n_tasks; ++i) task(i);
        return;
    }
    Pool::instance().run(n_tasks, task, threads);
}

}  // namespace detail

}  // namespace dnn
