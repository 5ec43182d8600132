// tests/full_training.hpp - whether this test build trains as long as the notebooks do.
//
// Under ThreadSanitizer a training iteration takes ~40 times as long, and the runs on the course's data (make demo's
// 2500 iterations, week 2's 6500, week 3's sweep) would take half an hour. A TSan build trains a shortened run and
// checks what is printed up to there (that the thread count never changes a bit is test_threads.cpp's job); every
// other build runs the notebooks' full runs.
#pragma once

#if defined(__SANITIZE_THREAD__)
#define DNN_TEST_UNDER_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define DNN_TEST_UNDER_TSAN 1
#endif
#endif

#ifdef DNN_TEST_UNDER_TSAN
constexpr bool kFullTraining = false;
#else
constexpr bool kFullTraining = true;
#endif
