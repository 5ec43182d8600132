// app/demo.hpp - `make demo`'s run as library functions: `make demo` (app/train_cat.cpp) calls them, and so does
// `make predict` (app/predict.cpp) when it finds no trained parameters, so both train the very same way.
//
// EN: train_cat_demo is the Application notebook on the course files: it loads and flattens the pictures,
//     trains the L-layer model [12288, 20, 7, 5, 1] (or the 2-layer one) for 2500 iterations, prints the
//     notebook's lines, and writes <out>/cost.svg, <out>/parameters.npz and <out>/mislabeled.png.
//     train_flower_demo does the same on the planar "flower" data, for a machine without the course files.
// KO: train_cat_demo는 강의 파일로 실행하는 응용 노트북입니다. 이미지를 읽어 펴고, L층 모델
//     [12288, 20, 7, 5, 1](또는 2층 모델)을 2500번 학습하고, 노트북의 출력을 찍고, <out>/cost.svg,
//     <out>/parameters.npz, <out>/mislabeled.png를 씁니다. train_flower_demo는 강의 파일이 없는 컴퓨터를 위해
//     평면 "꽃" 데이터로 같은 일을 합니다.
#pragma once

#include <iosfwd>
#include <string>

#include "app/application.hpp"

namespace dnn::app {

struct DemoOptions {
    bool two_layer = false;     // the 2-layer model [12288, 7, 1] instead of the L-layer one
    int num_iterations = 2500;  // the notebook's
    std::string out = "out";    // the folder cost.svg, parameters.npz and mislabeled.png go to (made if missing)
};

// EN: make demo on the course files in dir (train_catvnoncat.h5, test_catvnoncat.h5): everything it prints goes
//     to std::cout (the progress bar to stderr, when that is a terminal). Returns the trained parameters and
//     costs. Throws std::runtime_error naming the file when a course file cannot be read.
// KO: dir의 강의 파일로 make demo를 실행합니다. 출력은 모두 std::cout으로(진행 표시줄은 stderr가 터미널일 때
//     stderr로) 갑니다. 학습한 파라미터와 비용을 돌려줍니다. 강의 파일을 읽을 수 없으면 파일 이름을 담은
//     std::runtime_error를 던집니다.
TrainResult train_cat_demo(const DemoOptions& options, const std::string& dir);

// EN: make demo without the course files: says so, and trains on the planar flower data (2 inputs).
// KO: 강의 파일 없이 실행하는 make demo: 그렇다고 알리고 평면 꽃 데이터(입력 2개)로 학습합니다.
TrainResult train_flower_demo(const DemoOptions& options);

}  // namespace dnn::app
