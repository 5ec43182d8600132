// course/test_cases_python_basics.hpp - the inputs of "Python Basics with Numpy" (W2A1): the notebook writes them
// out as literal arrays (no seeds); the same in the v3a notebook and the 2021 one (v1.2).
#pragma once

#include "matrix/matrix.hpp"
#include "nn/python_basics/python_basics.hpp"

namespace dnn::test_cases::python_basics {

// t_x = np.array([1, 2, 3]) (v3a: x): sigmoid and sigmoid_derivative's input, a row (1, 3)
Matrix t_x();
// image: the (3, 3, 2) array of image2vector
basics::Array3D image();
// x = np.array([[0, 3, 4], [1, 6, 4]]) (2021: floats; v3a: ints, the same values): normalize_rows
Matrix normalize_rows_x();
// x = np.array([[9, 2, 5, 0, 0], [7, 5, 0, 0, 0]]): softmax
Matrix softmax_x();
// yhat = [.9, 0.2, 0.1, .4, .9], y = [1, 0, 0, 1, 1]: L1 and L2, as rows (1, 5)
struct LossCase { Matrix yhat, y; };
LossCase loss_case();

}  // namespace dnn::test_cases::python_basics
