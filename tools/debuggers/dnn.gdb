# tools/debuggers/dnn.gdb - the project's gdb setup, in one line:  gdb -x tools/debuggers/dnn.gdb build/debug/bin/replay_notebook
# (or `source tools/debuggers/dnn.gdb` inside gdb; run gdb from the repository root).
#
# EN: Loads the pretty-printers (a Matrix prints as numpy prints it), keeps frame lines short, and makes `step`
#     pass over what is not the notebook's concern: the C++ standard library (shared_ptr, allocators, strings,
#     vectors, maps) and the Matrix class's own storage handling (constructors, accessors, copy-on-write). So a
#     plain `step` from a notebook line walks through the project's functions only: into np::dot's product
#     loop, the broadcasting loop of +, the activations.
# KO: pretty-printer를 불러오고(Matrix가 numpy처럼 출력됨), 프레임 줄을 짧게 하고, 노트북과 상관없는 것을
#     `step`이 건너뛰게 합니다: C++ 표준 라이브러리(shared_ptr, 할당자, 문자열, vector, map)와 Matrix
#     클래스 자신의 저장소 관리(생성자, 접근자, 쓸 때 복사). 그래서 노트북의 한 줄에서 `step`만 눌러도
#     프로젝트의 함수만 지나갑니다: np::dot의 곱 루프, +의 브로드캐스팅 루프, 활성화 함수.
set print frame-arguments none
set print pretty off
source tools/debuggers/dnn_printers.py
source tools/debuggers/dnn_printers_weeks.py

# The standard library and the compiler's runtime, whatever header they were inlined from.
skip -rfu ^std::
skip -rfu ^__gnu_cxx::
skip -rfu ^__cxxabiv1::
skip -rfu "^operator new"
skip -rfu "^operator delete"
skip -gfi /usr/include/*
skip -gfi /usr/include/*/*
skip -gfi /usr/include/*/*/*
skip -gfi /usr/include/*/*/*/*
skip -gfi /usr/include/*/*/*/*/*
skip -gfi /usr/lib/*/*/*/include/*
skip -gfi /usr/lib/*/*/*/include/*/*

# The Matrix class's storage handling: where the numbers live, not what is computed with them: everything in
# matrix/matrix.hpp (accessors, the implicit copies and destructors, Shape), the allocation in matrix/matrix.cpp,
# and the constructors of the notebooks' small structs in nn/types.hpp and weeks 2 and 3's headers. (gdb matches these extended regular
# expressions against the function's name with its argument types; quotes and backslashes are taken by gdb's
# argument parser, so a literal parenthesis is written [(].)
skip -fi matrix/matrix.hpp
skip -fi nn/types.hpp
skip -fi nn/logistic_regression/logistic_regression.hpp
skip -fi nn/planar_classification/planar_classification.hpp
skip -fi nn/python_basics/python_basics.hpp
skip -rfu ^dnn::Matrix::uninitialized[(]
skip -rfu ^dnn::Matrix::mutable_data[(]
skip -rfu ^dnn::Matrix::detach[(]
skip -rfu ^dnn::Matrix::contiguous[(]
skip -rfu ^dnn::Matrix::copy[(]
skip -rfu "^dnn::[(]anonymous namespace[)]::allocate[(]"
# How an operand's elements are addressed (its row and column steps in memory), in matrix/ops.cpp.
skip -rfu "^dnn::[(]anonymous namespace[)]::operand[(]"
skip -rfu "^dnn::[(]anonymous namespace[)]::scalar[(]"
# caches[l]: the index check of the Caches list (nn/types.cpp).
skip -rfu ^dnn::Caches::operator\[\][(]
