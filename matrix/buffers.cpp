// matrix/buffers.cpp - large buffers kept for reuse (why: buffers.hpp).
#include "matrix/buffers.hpp"

#include <algorithm>
#include <mutex>
#include <vector>

namespace dnn::detail {

namespace {

constexpr std::size_t kKeepFrom = (std::size_t{1} << 20) / sizeof(double);  // 1 MiB: smaller ones stay in the heap
constexpr std::size_t kKeepAtMost = std::size_t{64} << 20;                   // bytes kept at once
constexpr std::size_t kSizesRemembered = 16;                                 // sizes released before

class Keeper {
public:
    // Room reserved once, so keeping a buffer (inside a shared_ptr's deleter) never allocates.
    Keeper() {
        kept_.reserve(kKeepAtMost / (kKeepFrom * sizeof(double)));
        released_.reserve(kSizesRemembered);
    }

    // A kept buffer of exactly n doubles, or nullptr. A request that no kept buffer fits means the program has
    // moved on (training is over): every kept buffer then goes back to the heap, where the new arrays can use it.
    double* take(std::size_t n) {
        std::lock_guard<std::mutex> lock(mutex_);
        for (std::size_t i = kept_.size(); i-- > 0;)  // the most recently kept first (likeliest in cache)
            if (kept_[i].n == n) {
                double* p = kept_[i].p;
                bytes_ -= n * sizeof(double);
                kept_.erase(kept_.begin() + static_cast<std::ptrdiff_t>(i));
                return p;
            }
        for (const Kept& k : kept_) delete[] k.p;
        kept_.clear();
        bytes_ = 0;
        return nullptr;
    }

    // Keeps p (n doubles) when a buffer of n doubles was released before: a size that recurs, as in a loop. A
    // buffer used once (a file read while loading) goes back to the heap at once. The oldest kept buffers go
    // back when the total would pass kKeepAtMost.
    void keep(double* p, std::size_t n) {
        std::lock_guard<std::mutex> lock(mutex_);
        const bool recurs = std::find(released_.begin(), released_.end(), n) != released_.end();
        if (!recurs) {
            if (released_.size() == kSizesRemembered) released_.erase(released_.begin());
            released_.push_back(n);
            delete[] p;
            return;
        }
        const std::size_t bytes = n * sizeof(double);
        if (bytes > kKeepAtMost) {
            delete[] p;
            return;
        }
        while (bytes_ + bytes > kKeepAtMost) {
            delete[] kept_.front().p;
            bytes_ -= kept_.front().n * sizeof(double);
            kept_.erase(kept_.begin());
        }
        kept_.push_back({p, n});
        bytes_ += bytes;
    }

    std::size_t bytes() {
        std::lock_guard<std::mutex> lock(mutex_);
        return bytes_;
    }

private:
    struct Kept {
        double* p;
        std::size_t n;
    };
    std::mutex mutex_;
    std::vector<Kept> kept_;             // oldest first
    std::vector<std::size_t> released_;  // the sizes (in doubles) of the latest kSizesRemembered releases
    std::size_t bytes_ = 0;
};

// Never destroyed: a Matrix released during static destruction (a global one) may still hand its buffer back.
Keeper& keeper() {
    static Keeper* k = new Keeper;
    return *k;
}

// The shared_ptr's deleter for large buffers: back to the keeper instead of the heap.
struct KeepOnRelease {
    std::size_t n;
    void operator()(double* p) const { keeper().keep(p, n); }
};

}  // namespace

std::shared_ptr<double[]> allocate_buffer(std::size_t n) {
    if (n < kKeepFrom) return std::shared_ptr<double[]>(new double[n]);
    double* p = keeper().take(n);
    if (p == nullptr) p = new double[n];
    return std::shared_ptr<double[]>(p, KeepOnRelease{n});
}

std::size_t kept_buffer_bytes() { return keeper().bytes(); }

}  // namespace dnn::detail
