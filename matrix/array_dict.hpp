// matrix/array_dict.hpp - a dict of named arrays, as Python's dict of numpy arrays.
//
// EN: The notebooks keep their arrays in dicts: parameters {"W1", "b1", ...}, grads {"dA0", "dW1", ...}, and
//     np.savez writes one. nn/types.hpp names this type Parameters and Grads; io/npz.hpp saves and loads it.
// KO: 노트북은 배열을 딕셔너리에 담습니다: parameters {"W1", "b1", ...}, grads {"dA0", "dW1", ...}이고,
//     np.savez도 딕셔너리 하나를 씁니다. nn/types.hpp가 이 타입을 Parameters, Grads라는 이름으로 쓰고,
//     io/npz.hpp가 이것을 저장하고 읽습니다.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "matrix/matrix.hpp"

namespace dnn {

// A dict of named arrays: parameters {"W1", "b1", ...} or grads {"dA0", "dW1", "db1", ...}.
// EN: Exactly a std::map<std::string, Matrix>, except that reading a missing key through a const reference
//     throws std::out_of_range naming the key (Python's KeyError) instead of inserting an empty matrix.
// KO: std::map<std::string, Matrix>와 같지만, const로 없는 키를 읽으면 빈 행렬을 넣는 대신 그 키 이름을
//     담은 std::out_of_range를 던집니다(파이썬의 KeyError).
class ArrayDict : public std::map<std::string, Matrix> {
public:
    using std::map<std::string, Matrix>::map;
    using std::map<std::string, Matrix>::operator[];
    const Matrix& operator[](const std::string& key) const;
    // The keys, comma-separated, for error messages ("W1, W2, b1, b2", or "nothing").
    std::string key_list() const;
};

// Any list of keys written as ArrayDict::key_list writes its own ("W1, b1", or "nothing").
std::string key_list(const std::vector<std::string>& keys);

}  // namespace dnn
