// app/progress.cpp - the training progress bar.
#include "app/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace dnn::app {

ProgressBar::ProgressBar(long total, bool enabled)
    : total_(total > 0 ? total : 1), enabled_(enabled), start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

ProgressBar::~ProgressBar() {
    if (enabled_ && !finished_) std::fputs("\n", stderr);
}

bool ProgressBar::stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }

double ProgressBar::elapsed_seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void ProgressBar::update(long done) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (done < total_ && now - last_draw_ < std::chrono::milliseconds(50)) return;
    last_draw_ = now;
    draw(done);
}

void ProgressBar::draw(long done) {
    const int width = 30;
    const int filled = static_cast<int>(width * done / total_);
    char bar[width + 1];
    for (int i = 0; i < width; ++i) bar[i] = i < filled ? '#' : '.';
    bar[width] = '\0';
    const double secs = elapsed_seconds();
    const double eta = done > 0 ? secs * (total_ - done) / done : 0.0;
    std::fprintf(stderr, "\r[%s] %ld/%ld  %.1f s  (about %.0f s left)   ", bar, done, total_, secs, eta);
    std::fflush(stderr);
}

void ProgressBar::clear() {
    if (!enabled_ || finished_) return;
    std::fprintf(stderr, "\r%79s\r", "");
    std::fflush(stderr);
    last_draw_ = start_;  // redraw at the next update
}

void ProgressBar::finish() {
    if (!enabled_ || finished_) return;
    finished_ = true;
    draw(total_);
    std::fprintf(stderr, "\rtrained %ld iterations in %.1f s%40s\n", total_, elapsed_seconds(), "");
}

}  // namespace dnn::app
