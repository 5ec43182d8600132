// matrix/array_dict.hpp - a dict of named arrays, as Python's dict of numpy arrays.
//
// EN: The notebooks keep their arrays in dicts: parameters {"W1", "b1", ...}, grads {"dA0", "dW1", ...}, and
//     np.savez writes one. nn/types.hpp names this type Parameters and Grads; io/npz.hpp saves and loads it.
// KO: 노트북은 배열을 딕셔너리에 담습니다: parameters {"W1", "b1", ...}, grads {"dA0", "dW1", ...}이고,
//     np.savez도 딕셔너리 하나를 씁니다. nn/types.hpp가 이 타입을 Parameters, Grads라는 이름으로 쓰고,
//     io/npz.hpp가 이것을 저장하고 읽습니다.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "matrix/matrix.hpp"

namespace dnn {

// Python's KeyError: reading a key the dict does not have. The message names the key and the keys present.
// KO: 파이썬의 KeyError: 딕셔너리에 없는 키를 읽었을 때. 메시지에 그 키와 있는 키들이 나옵니다.
class KeyError : public std::out_of_range {
public:
    using std::out_of_range::out_of_range;
};

// A dict of named arrays: parameters {"W1", "b1", ...} or grads {"dA0", "dW1", "db1", ...}.
// EN: A std::map<std::string, Matrix> that behaves as Python's dict for d[key]: writing d["W1"] = x inserts or
//     replaces, and reading d["W1"] when there is no "W1" throws KeyError, naming the key and the keys present
//     (a std::map would insert an empty matrix and carry on). This holds for const and non-const dicts alike:
//     the non-const d[key] returns an Entry, which reads as the Matrix (parameters["W1"].shape(), passing it to
//     a function taking const Matrix&, Matrix W = parameters["W1"]) and assigns into the dict.
// KO: d[key]가 파이썬 dict처럼 동작하는 std::map<std::string, Matrix>입니다. d["W1"] = x는 넣거나 바꾸고,
//     "W1"이 없을 때 d["W1"]을 읽으면 그 키와 있는 키들을 담은 KeyError를 던집니다(std::map이라면 빈 행렬을
//     넣고 그냥 진행합니다). const이든 아니든 같습니다. const가 아닌 d[key]는 Entry를 돌려주는데, 읽으면
//     Matrix처럼 쓰이고(parameters["W1"].shape(), const Matrix&를 받는 함수에 넘기기, Matrix W =
//     parameters["W1"]), 대입하면 딕셔너리에 들어갑니다.
class ArrayDict : public std::map<std::string, Matrix> {
public:
    class Entry;
    using std::map<std::string, Matrix>::map;

    // d[key]: an Entry that reads the key's Matrix (KeyError when missing) or assigns a new one.
    Entry operator[](const std::string& key);
    // d[key] on a const dict: the key's Matrix, or KeyError.
    const Matrix& operator[](const std::string& key) const;
    // The key's Matrix, or KeyError (what reading through operator[] does).
    Matrix& get(const std::string& key);
    const Matrix& get(const std::string& key) const;
    // The keys, comma-separated, for error messages ("W1, W2, b1, b2", or "nothing").
    std::string key_list() const;
};

// One d[key] of a non-const ArrayDict: assigning inserts or replaces the entry, reading needs it to exist.
class ArrayDict::Entry {
public:
    Entry(ArrayDict& dict, std::string key) : dict_(&dict), key_(std::move(key)) {}
    Entry(const Entry&) = default;

    // d[key] = value: inserts the key, or replaces its Matrix.
    Entry& operator=(const Matrix& value);
    Entry& operator=(Matrix&& value);
    // d[key] = other[key2]: reads other's entry (KeyError when missing), then assigns it here.
    Entry& operator=(const Entry& other);

    // Reading: the Matrix under the key, or KeyError naming the key and the keys present.
    Matrix& value() const { return dict_->get(key_); }
    operator Matrix&() const { return value(); }

    // A Matrix's members, so that d[key].shape() reads as it does on the Matrix (each reads the entry).
    std::size_t rows() const { return value().rows(); }
    std::size_t cols() const { return value().cols(); }
    std::size_t size() const { return value().size(); }
    Shape shape() const { return value().shape(); }
    bool empty() const { return value().empty(); }
    Matrix T() const { return value().T(); }
    Matrix reshape(std::size_t rows, std::size_t cols) const { return value().reshape(rows, cols); }
    Matrix reshape(Shape s) const { return value().reshape(s); }
    Matrix copy() const { return value().copy(); }
    double& operator()(std::size_t i, std::size_t j) const { return value()(i, j); }
    bool shares_storage_with(const Matrix& other) const { return value().shares_storage_with(other); }

private:
    ArrayDict* dict_;
    std::string key_;
};

// Any list of keys written as ArrayDict::key_list writes its own ("W1, b1", or "nothing").
std::string key_list(const std::vector<std::string>& keys);

}  // namespace dnn
