// nn/nn.hpp - everything in one include: #include "nn/nn.hpp" (with -I at the repository root).
//
// EN: dnn::Matrix and the numpy calls (dnn::np), the notebook's helpers (sigmoid, relu, ...) and its graded
//     functions, the Application notebook (dnn::app) and the file formats (dnn::io). Link build/libdnn.a with
//     -pthread.
// KO: dnn::Matrix와 numpy 함수(dnn::np), 노트북의 도우미 함수(sigmoid, relu, ...)와 채점 함수, 응용 노트북
//     (dnn::app), 파일 형식(dnn::io) 전부입니다. build/libdnn.a를 -pthread와 함께 링크하세요.
#pragma once

#include "app/application.hpp"
#include "app/image_grid.hpp"
#include "app/png.hpp"
#include "app/svg_plot.hpp"
#include "io/h5/h5file.hpp"
#include "io/npy.hpp"
#include "io/npz.hpp"
#include "matrix/format.hpp"
#include "matrix/matrix.hpp"
#include "matrix/np.hpp"
#include "matrix/ops.hpp"
#include "matrix/random.hpp"
#include "matrix/threads.hpp"
#include "nn/activations.hpp"
#include "nn/expected_outputs.hpp"
#include "nn/inspect.hpp"
#include "nn/notebook_check.hpp"
#include "nn/py.hpp"
#include "nn/step_by_step.hpp"
#include "nn/test_cases.hpp"
#include "nn/types.hpp"
