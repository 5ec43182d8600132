// nn/python_basics/array3d.cpp - Array3D, the 3-D array image2vector takes (numpy's (length, height, depth)).
#include <stdexcept>
#include <string>

#include "nn/python_basics/python_basics.hpp"

namespace dnn::basics {

Array3D::Array3D(std::initializer_list<std::initializer_list<std::initializer_list<double>>> values) {
    shape[0] = values.size();
    shape[1] = values.size() ? values.begin()->size() : 0;
    shape[2] = shape[1] ? values.begin()->begin()->size() : 0;
    for (const auto& plane : values) {
        if (plane.size() != shape[1])
            throw std::invalid_argument("Array3D: every image[i] needs " + std::to_string(shape[1]) +
                                        " rows, one has " + std::to_string(plane.size()));
        for (const auto& row : plane) {
            if (row.size() != shape[2])
                throw std::invalid_argument("Array3D: every image[i][j] needs " + std::to_string(shape[2]) +
                                            " values, one has " + std::to_string(row.size()));
            data.insert(data.end(), row.begin(), row.end());
        }
    }
}

double Array3D::operator()(std::size_t i, std::size_t j, std::size_t k) const {
    if (i >= shape[0] || j >= shape[1] || k >= shape[2])
        throw std::out_of_range("Array3D: index (" + std::to_string(i) + ", " + std::to_string(j) + ", " +
                                std::to_string(k) + ") is outside shape (" + std::to_string(shape[0]) + ", " +
                                std::to_string(shape[1]) + ", " + std::to_string(shape[2]) + ")");
    return data[(i * shape[1] + j) * shape[2] + k];
}

Matrix Array3D::reshape(std::size_t rows, std::size_t cols) const {
    if (rows * cols != data.size())
        throw std::invalid_argument("Array3D::reshape: cannot reshape array of size " + std::to_string(data.size()) +
                                    " into shape (" + std::to_string(rows) + ", " + std::to_string(cols) + ")");
    Matrix m(rows, cols);
    for (std::size_t k = 0; k < data.size(); ++k) m(k / cols, k % cols) = data[k];  // C order
    return m;
}

}  // namespace dnn::basics
