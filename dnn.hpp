// dnn.hpp - the whole library in one include: #include "dnn.hpp" (with -I at the repository root), then link
// build/libdnn.a with -pthread:  g++ -std=c++20 -I. my_program.cpp build/libdnn.a -pthread
//
// EN: matrix/ (dnn::Matrix, dnn::np, random numbers, printing), nn/ (the Step by Step notebook in dnn::, and
//     weeks 2 and 3: dnn::basics "Python Basics with Numpy", dnn::logistic "Logistic Regression with a Neural
//     Network mindset", dnn::planar "Planar data classification with one hidden layer"), io/ (HDF5,
//     .npy / .npz, PNG), app/ (the Application notebook, dnn::app, and the pictures of weeks 2 and 3) and
//     course/ (the notebooks' test cases, their expected outputs and the same/different check,
//     dnn::test_cases and dnn::notebook).
// KO: matrix/(dnn::Matrix, dnn::np, 난수, 출력), nn/(dnn::의 단계별 노트북과 2, 3주차: dnn::basics,
//     dnn::logistic, dnn::planar), io/(HDF5, .npy / .npz, PNG), app/(응용 노트북 dnn::app과 2, 3주차의 그림),
//     course/(노트북의 테스트 케이스와 기대 출력, same/different 판정, dnn::test_cases와 dnn::notebook)를
//     모두 담습니다.
#pragma once

#include "nn/nn.hpp"
#include "nn/logistic_regression/logistic_regression.hpp"
#include "nn/planar_classification/planar_classification.hpp"
#include "nn/python_basics/python_basics.hpp"

#include "io/h5/h5file.hpp"
#include "io/npy.hpp"
#include "io/npz.hpp"
#include "io/png.hpp"

#include "app/application.hpp"
#include "app/image_grid.hpp"
#include "app/progress.hpp"
#include "app/svg_plot.hpp"

#include "course/expected_logistic_regression.hpp"
#include "course/expected_outputs.hpp"
#include "course/expected_planar_classification.hpp"
#include "course/expected_python_basics.hpp"
#include "course/notebook_check.hpp"
#include "course/test_cases.hpp"
#include "course/test_cases_logistic_regression.hpp"
#include "course/test_cases_planar_classification.hpp"
#include "course/test_cases_python_basics.hpp"
