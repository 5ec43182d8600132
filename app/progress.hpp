// app/progress.hpp - a progress bar with the elapsed time, on stderr, only when stderr is a terminal.
#pragma once

#include <chrono>
#include <string>

namespace dnn::app {

class ProgressBar {
public:
    // total: the number of steps; enabled: false for no output at all (e.g. in tests or when piped).
    ProgressBar(long total, bool enabled);
    ~ProgressBar();
    void update(long done);  // redraws at most about 20 times a second
    void finish();           // the final line with the total time
    void clear();            // wipes the bar so a line can be printed; the next update redraws it
    double elapsed_seconds() const;
    static bool stderr_is_terminal();

private:
    long total_;
    bool enabled_;
    bool finished_ = false;
    std::chrono::steady_clock::time_point start_, last_draw_;
    void draw(long done);
};

}  // namespace dnn::app
