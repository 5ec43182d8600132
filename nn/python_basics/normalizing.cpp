// nn/python_basics/normalizing.cpp - 1.4 "Normalizing rows": normalize_rows.
#include "matrix/np.hpp"
#include "nn/python_basics/python_basics.hpp"

namespace dnn::basics {

Matrix normalize_rows(Matrix x) {  // x by value, a cheap copy-on-write: `x = x / x_norm` leaves the caller's x as is
    // ### START CODE HERE ### (≈ 2 lines of code)
    // Compute x_norm as the norm 2 of x. Use np::linalg::norm(..., 1, true)  (axis = 1, keepdims = True)
    Matrix x_norm = np::linalg::norm(x, /*axis=*/1, /*keepdims=*/true);  // (n, 1)

    // Divide x by its norm.
    x = x / x_norm;  // (n, m) / (n, 1): the column is broadcast over the m columns
    // ### END CODE HERE ###

    return x;
}

}  // namespace dnn::basics
