// nn/nn.hpp - the Step by Step notebook in one include: #include "nn/nn.hpp" (with -I at the repository root).
//
// EN: dnn::Matrix and the numpy calls (dnn::np), the notebook's helpers (sigmoid, relu and their backward
//     steps), its graded functions and the types of its dicts and caches. Nothing else: the Application
//     notebook (dnn::app), the file formats (dnn::io) and the course's test cases come with "dnn.hpp".
//     Link build/libdnn.a with -pthread.
// KO: dnn::Matrix와 numpy 함수(dnn::np), 노트북의 도우미 함수(sigmoid, relu와 역전파 함수), 채점 함수, 딕셔너리와
//     캐시의 타입입니다. 그 밖의 것(응용 노트북 dnn::app, 파일 형식 dnn::io, 강의 테스트 케이스)은
//     "dnn.hpp"에 있습니다. build/libdnn.a를 -pthread와 함께 링크하세요.
#pragma once

#include "matrix/array_dict.hpp"
#include "matrix/format.hpp"
#include "matrix/matrix.hpp"
#include "matrix/np.hpp"
#include "matrix/ops.hpp"
#include "matrix/random.hpp"
#include "matrix/threads.hpp"
#include "nn/activations.hpp"
#include "nn/inspect.hpp"
#include "nn/py.hpp"
#include "nn/step_by_step.hpp"
#include "nn/types.hpp"
